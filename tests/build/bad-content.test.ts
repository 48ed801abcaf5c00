import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { astroBuild, type BuildResult } from '../helpers/builds.ts';

/**
 * One build of a synthetic content folder in which every article is broken
 * in its own way. The build must refuse to start, and name each file and field.
 */

const article = (fields: string) => `---\n# SYNTHETIC TEST FIXTURE: not news.\n${fields}\n---\n\nSyntetisk tekst.\n`;
const BAD_ARTICLES = {
  'articles/2025/09/02/uten-tittel.md': article('published: 2025-09-02\nsource: NTB'),
  'articles/2025/09/02/uten-dato.md': article('title: Uten dato\nsource: NTB'),
  'articles/2025/02/30/umulig-dato.md': article('title: Umulig dato\npublished: 2025-02-30\nsource: NTB'),
  'articles/2025/09/02/mangler-bilde.md': article(
    'title: Mangler bilde\npublished: 2025-09-02\nsource: NTB\nphoto:\n  src: ./finnes-ikke.jpg\n  alt: Alt\n  caption: Tekst.',
  ),
  'articles/2025/09/02/forste.md': article('title: Første\npublished: 2025-09-02\nsource: NTB\nslug: samme-lenke'),
  'articles/2025/09/02/andre.md': article('title: Andre\npublished: 2025-09-02\nsource: NTB\nslug: samme-lenke'),
};

let contentDir: string;
let outDir: string;
let build: BuildResult;

before(async () => {
  const root = await mkdtemp(join(tmpdir(), 'nyhetsleser-bad-content-'));
  contentDir = join(root, 'content');
  outDir = join(root, 'dist');
  for (const [path, text] of Object.entries(BAD_ARTICLES)) {
    await mkdir(dirname(join(contentDir, path)), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
  build = await astroBuild({ outDir, contentDir, cacheDir: join(root, 'cache') });
});

function assertReported(file: string, field: string, message: RegExp) {
  assert.notEqual(build.code, 0, 'the build should fail');
  const line = build.output
    .split('\n')
    .find((candidate) => candidate.includes(`${file}`) && candidate.includes(`: ${field}: `));
  assert.ok(line, `no line names ${file} and ${field} in:\n${build.output}`);
  assert.match(line, message);
}

describe('a build of bad content', () => {
  it('fails and writes no pages', () => {
    assert.notEqual(build.code, 0);
    assert.equal(existsSync(join(outDir, 'index.html')), false);
  });
  it('names an article without a title', () => {
    assertReported('uten-tittel.md', 'title', /is missing/);
  });
  it('names an article without a date', () => {
    assertReported('uten-dato.md', 'published', /is missing/);
  });
  it('names an impossible date', () => {
    assertReported('umulig-dato.md', 'published', /"2025-02-30" is not a real date/);
  });
  it('names a photo file that does not exist', () => {
    assertReported('mangler-bilde.md', 'photo.src', /"\.\/finnes-ikke\.jpg", which does not exist/);
  });
  it('names two articles with the same permalink', () => {
    assertReported('forste.md', 'slug', /\/2025\/09\/02\/samme-lenke\/, which .*andre\.md already has/);
  });
});

describe('a build whose permalinks.lock lists a page that is gone', () => {
  it('fails and names the permalink and what to do', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nyhetsleser-lock-'));
    const path = join(root, 'content/articles/2025/09/02/ny.md');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, article('title: Ny\npublished: 2025-09-02\nsource: NTB'));
    await writeFile(join(root, 'content/permalinks.lock'), '/2025/09/02/gammel/\n/2025/09/02/ny/\n');
    const result = await astroBuild({
      outDir: join(root, 'dist'),
      contentDir: join(root, 'content'),
      cacheDir: join(root, 'cache'),
    });
    assert.notEqual(result.code, 0);
    assert.match(
      result.output,
      /permalinks\.lock:1: permalink: \/2025\/09\/02\/gammel\/ was published and no longer resolves: restore the article, or add \/2025\/09\/02\/gammel\/ to redirectFrom/,
    );
  });
});
