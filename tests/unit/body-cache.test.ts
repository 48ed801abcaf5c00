import assert from 'node:assert/strict';
import { copyFile, readFile, unlink, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { RenderArticle } from '../../src/content/bodies.ts';
import { BodyCache } from '../../src/content/body-cache.ts';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { createArticleRenderer } from '../../src/markdown/index.ts';
import { article, contentFolder, VALID } from '../helpers/content-folder.ts';

/** Synthetic articles: one plain, one with a photo in its body, one with a link to a section that is not there. */
const PHOTO = fileURLToPath(new URL('../fixtures/content/articles/2025/01/15/testbilde.png', import.meta.url));
let root: string;
let cacheFile: string;
let renderer: RenderArticle;
let rendered: string[];

const render: RenderArticle = (source, options) => {
  rendered.push(basename(fileURLToPath(options.fileURL)));
  return renderer(source, options);
};

/** A check as `npm run check` makes it: the cache opened, used and saved. Returns its lines and what it rendered. */
async function check(code = 'kode 1') {
  rendered = [];
  const bodyCache = await BodyCache.open(cacheFile, code);
  const { problems } = await checkContent(root, render, { cwd: root, bodyCache });
  bodyCache.save();
  return { lines: problems.map(formatProblem), rendered: rendered.sort() };
}

before(async () => {
  renderer = await createArticleRenderer({ base: '/' });
  root = await contentFolder({
    'articles/2025/09/02/a.md': article(`${VALID}\nslug: a`, 'Syntetisk tekst.\n'),
    'articles/2025/09/02/b.md': article(`${VALID}\nslug: b`, '![Syntetisk](./foto.png)\n'),
    'articles/2025/09/02/c.md': article(`${VALID}\nslug: c`, 'Se [her](#finnes-ikke).\n'),
  });
  await copyFile(PHOTO, join(root, 'articles/2025/09/02/foto.png'));
  cacheFile = join(root, 'cache/content-check.json');
});

describe('the content check’s cache of bodies', () => {
  let first: Awaited<ReturnType<typeof check>>;

  it('renders every body the first time', async () => {
    first = await check();
    assert.deepEqual(first.rendered, ['a.md', 'b.md', 'c.md']);
    assert.equal(first.lines.length, 1, first.lines.join('\n'));
    assert.match(first.lines[0]!, /^articles\/2025\/09\/02\/c\.md:\d+: body: /);
  });

  it('renders none the second time, and names the same problems', async () => {
    const second = await check();
    assert.deepEqual(second.rendered, []);
    assert.deepEqual(second.lines, first.lines);
  });

  it('renders only an edited article again', async () => {
    await writeFile(join(root, 'articles/2025/09/02/a.md'), article(`${VALID}\nslug: a`, 'Se [her](#borte).\n'));
    const edited = await check();
    assert.deepEqual(edited.rendered, ['a.md']);
    assert.equal(edited.lines.length, 2);
  });

  it('renders an article again when a photo in its body is replaced under the same name', async () => {
    const photo = join(root, 'articles/2025/09/02/foto.png');
    await writeFile(photo, 'ikke et bilde');
    await utimes(photo, new Date(), new Date(Date.now() + 5000));
    const replaced = await check();
    assert.deepEqual(replaced.rendered, ['b.md']);
    assert.ok(
      replaced.lines.some((line) => line.startsWith('articles/2025/09/02/b.md')),
      'the photo that is no photo is named',
    );
  });

  it('renders every article again when the code that renders them changes', async () => {
    assert.deepEqual((await check('kode 2')).rendered, ['a.md', 'b.md', 'c.md']);
  });

  it('forgets an article that is gone', async () => {
    await unlink(join(root, 'articles/2025/09/02/c.md'));
    await check('kode 2');
    const saved = JSON.parse(await readFile(cacheFile, 'utf8')) as { entries: object };
    assert.equal(Object.keys(saved.entries).length, 2);
  });
});
