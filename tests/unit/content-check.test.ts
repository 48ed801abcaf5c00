import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { checkArticleSource, checkContent, formatProblem, redirectsOf } from '../../src/content/check.ts';

/** Writes a synthetic content folder: path → file text. */
async function contentFolder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'nyhetsleser-check-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const article = (fields: string, body = 'Syntetisk tekst.\n') => `---\n${fields}\n---\n\n${body}`;
const VALID = 'title: Syntetisk\npublished: 2025-09-02\nsource: NTB';

describe('checkArticleSource', () => {
  it('passes a valid article and keeps dates as written', () => {
    const { article: checked, problems } = checkArticleSource('a.md', article(VALID));
    assert.deepEqual(problems, []);
    assert.equal(checked.frontmatter.published, '2025-09-02');
    assert.equal(checked.data?.title, 'Syntetisk');
  });
  it('names the line of a bad field', () => {
    const { problems } = checkArticleSource('a.md', article('title: Syntetisk\npublished: 2025-02-30\nsource: NTB'));
    assert.deepEqual(problems.map(formatProblem), [
      'a.md:3: published: "2025-02-30" is not a real date: write it like 2025-09-02 or 2025-09-02T14:30 (Oslo time)',
    ]);
  });
  it('names the line of a nested field and of an unknown field', () => {
    const source = article(`${VALID}\nphoto:\n  caption: ""\nforfatter: X`);
    const lines = checkArticleSource('a.md', source).problems.map((problem) => `${problem.line} ${problem.field}`);
    assert.deepEqual(lines.sort(), ['6 photo.caption', '7 forfatter']);
  });
  it('reports a file without frontmatter and broken YAML', () => {
    assert.equal(checkArticleSource('a.md', 'Bare tekst.').problems[0]?.field, 'frontmatter');
    const broken = checkArticleSource('a.md', article('title: [uavsluttet\npublished: 2025-09-02')).problems[0];
    assert.equal(broken?.field, 'frontmatter');
    assert.match(broken?.message ?? '', /is not valid YAML/);
  });
  it('reads CRLF line endings and a byte-order mark', () => {
    const source = `\uFEFF${article(VALID)}`.replaceAll('\n', '\r\n');
    assert.deepEqual(checkArticleSource('a.md', source).problems, []);
  });
});

describe('checkContent', () => {
  it('skips files and folders whose names start with a dot, as Astro does', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/synlig.md': article(VALID),
      'articles/2025/09/02/.utkast.md': article('title: Uferdig'),
      'articles/.arkivert/2025/09/02/gammel.md': article('title: Gammel'),
    });
    const report = await checkContent(root, { cwd: root });
    assert.deepEqual(
      report.articles.map((checked) => checked.file),
      ['articles/2025/09/02/synlig.md'],
    );
    assert.deepEqual(report.problems, []);
  });

  it('reports every problem in the folder at once, with file and field', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/uten-tittel.md': article('published: 2025-09-02\nsource: NTB'),
      'articles/2025/09/02/umulig-dato.md': article('title: X\npublished: 2025-02-30\nsource: NTB'),
      'articles/2025/09/02/mangler-bilde.md': article(
        `${VALID}\nphoto:\n  src: ./borte.jpg\n  alt: Alt\n  caption: Tekst`,
      ),
      'articles/2025/09/02/bilde-i-teksten.md': article(
        VALID.replace('Syntetisk', 'Y'),
        'Tekst.\n\n![Alt](./borte.png)\n',
      ),
    });
    const { problems } = await checkContent(root, { cwd: root });
    assert.deepEqual(problems.map(formatProblem).sort(), [
      'articles/2025/09/02/bilde-i-teksten.md:9: body: shows the photo "./borte.png", which does not exist: put the photo next to the article or fix the path',
      'articles/2025/09/02/mangler-bilde.md:6: photo.src: names "./borte.jpg", which does not exist: put the photo next to the article or fix the path',
      'articles/2025/09/02/umulig-dato.md:3: published: "2025-02-30" is not a real date: write it like 2025-09-02 or 2025-09-02T14:30 (Oslo time)',
      'articles/2025/09/02/uten-tittel.md: title: is missing: add the headline',
    ]);
  });
  it('refuses two articles with the same permalink, naming both', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/forste.md': article(`${VALID}\nslug: samme`),
      'articles/2025/09/02/andre.md': article(`${VALID}\nslug: samme`),
    });
    const { problems } = await checkContent(root, { cwd: root });
    assert.equal(problems.length, 1);
    assert.equal(
      formatProblem(problems[0]!),
      'articles/2025/09/02/forste.md: slug: gives the permalink /2025/09/02/samme/, which articles/2025/09/02/andre.md already has: give one of them another slug',
    );
  });
  it('gives each valid article its permalink', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/Møte i Beijing.md': article(VALID) });
    const { articles, problems } = await checkContent(root, { cwd: root });
    assert.deepEqual(problems, []);
    assert.equal(articles[0]?.permalink, '/2025/09/02/mote-i-beijing/');
  });
  it('finds nothing in a folder that does not exist', async () => {
    assert.deepEqual(await checkContent('/finnes/ikke'), { articles: [], problems: [] });
  });
});

describe('checkContent, permalinks that were published', () => {
  it('fails when a permalink in permalinks.lock no longer resolves, naming its line', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/ny.md': article(VALID),
      'permalinks.lock': '/2025/09/02/ny/\n/2025/09/02/gammel/\n',
    });
    const { problems } = await checkContent(root, { cwd: root });
    assert.deepEqual(problems.map(formatProblem), [
      'permalinks.lock:2: permalink: /2025/09/02/gammel/ was published and no longer resolves: restore the article, or add /2025/09/02/gammel/ to redirectFrom in the article that replaces it',
    ]);
  });
  it('passes when the article that replaces it redirects from it', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/ny.md': article(`${VALID}\nredirectFrom:\n  - /2025/09/02/gammel/`),
      'permalinks.lock': '/2025/09/02/gammel/\n/2025/09/02/ny/\n',
    });
    const report = await checkContent(root, { cwd: root });
    assert.deepEqual(report.problems, []);
    assert.deepEqual(redirectsOf(report.articles), [{ from: '/2025/09/02/gammel/', to: '/2025/09/02/ny/' }]);
  });
  it('refuses a redirect from a live page, and the same redirect in two articles', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(`${VALID}\nredirectFrom:\n  - /2025/09/02/b/\n  - /gammel/`),
      'articles/2025/09/02/b.md': article(`${VALID}\nredirectFrom:\n  - /gammel/`),
    });
    const { problems } = await checkContent(root, { cwd: root });
    assert.deepEqual(problems.map((problem) => `${problem.file} ${problem.field}`).sort(), [
      'articles/2025/09/02/a.md redirectFrom.0',
      'articles/2025/09/02/b.md redirectFrom.0',
    ]);
  });
});
