import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { astroBuild, PROJECT_ROOT, TEST_SITE_URL } from '../helpers/builds.ts';
import { article, contentFolder } from '../helpers/content-folder.ts';

/**
 * Astro's incremental build keeps a page from the last build when its key and
 * code are unchanged. A key that misses something the page shows would keep
 * a stale page, so after each change the incremental output must be the cold
 * build's, byte for byte, and so must a site built over the one before it.
 * The articles are synthetic; two to a listing page,
 * so that the front page and the topics have later pages.
 */

const PHOTO = join(PROJECT_ROOT, 'tests/fixtures/content/articles/2025/01/15/testbilde.png');
const body = (words: string) => `${words} Syntetisk ingress.\n\n## Syntetisk mellomtittel\n\nSyntetisk avsnitt.\n`;
const files: Record<string, string> = {
  'articles/2025/01/10/en.md': article(
    'title: Syntetisk sak en\npublished: 2025-01-10T08:00\nsource: NTB\ntags: [Kina]',
    body('En.'),
  ),
  'articles/2025/01/11/to.md': article(
    'title: Syntetisk sak to\npublished: 2025-01-11T08:00\nsource: NTB\ntags: [Kina, Økonomi]',
    body('To.'),
  ),
  'articles/2025/02/01/tre.md': article(
    'title: Syntetisk sak tre\npublished: 2025-02-01T08:00\nsource: NTB\ntags: [Økonomi]\nphoto:\n  src: ./testbilde.png\n  alt: En grå flate\n  caption: Syntetisk bildetekst.',
    `${body('Tre.')}\n![En grå flate](./testbilde.png "Syntetisk bilde i teksten. | Test Fotograf / NTB")\n`,
  ),
  'articles/2025/02/02/fire.md': article(
    'title: Syntetisk sak fire\npublished: 2025-02-02\nsource: NTB\ntags: [Kina]',
    body('Fire.'),
  ),
  'articles/2025/02/03/fem.md': article(
    'title: Syntetisk sak fem\npublished: 2025-02-03T09:30\nsource: NTB',
    body('Fem.'),
  ),
  // Of another year, so that the search index has two volumes (src/site/search-index.ts).
  'articles/2024/12/30/null.md': article(
    'title: Syntetisk sak null\npublished: 2024-12-30T08:00\nsource: NTB\ntags: [Kina]',
    body('Null.'),
  ),
};

let content: string;
let site = TEST_SITE_URL;
let base = '/';
/** The site as it is kept from build to build: its output and Astro's cache. */
let kept: { outDir: string; cacheDir: string };

/** When each page Astro keeps a copy of in its cache was last rendered: a page copied from the last build keeps its time. */
async function renderTimes(cacheDir: string): Promise<Map<string, number>> {
  const pages = join(cacheDir, 'dist');
  const entries = await readdir(pages, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return new Map(
    await Promise.all(files.map(async (file) => [`/${relative(pages, file)}`, (await stat(file)).mtimeMs] as const)),
  );
}

/** Builds, and tells which of the pages with a key were kept from the last build and which were rendered. */
async function build(target: { outDir: string; cacheDir: string }) {
  const before = await renderTimes(target.cacheDir);
  const result = await astroBuild({ ...target, site, base, contentDir: content, articlesPerPage: 2 });
  assert.equal(result.code, 0, result.output);
  const after = [...(await renderTimes(target.cacheDir))];
  return {
    /** The years whose search volume was written anew, as the build says. */
    searchVolumesWritten: /written anew(?: \(([\d, ]+)\))?/.exec(result.output)?.[1]?.split(', ') ?? [],
    kept: after.filter(([page, time]) => before.get(page) === time).map(([page]) => page),
    rendered: after.filter(([page, time]) => before.get(page) !== time).map(([page]) => page),
  };
}

async function filesIn(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(dir, path), await readFile(path));
  }
  return found;
}

/** Builds the content cold in a folder of its own and compares it, file by file, with the kept site. */
async function assertSameAsCold(change: string): Promise<void> {
  const cold = { outDir: join(content, `cold-${change}`), cacheDir: join(content, `cold-cache-${change}`) };
  await build(cold);
  const [incremental, expected] = await Promise.all([filesIn(kept.outDir), filesIn(cold.outDir)]);
  assert.deepEqual([...incremental.keys()].sort(), [...expected.keys()].sort(), `${change}: the same files`);
  const differing = [...expected]
    .filter(([path, bytes]) => !bytes.equals(incremental.get(path)!))
    .map(([path]) => path);
  assert.deepEqual(differing, [], `${change}: the same bytes`);
  await rm(cold.outDir, { recursive: true });
  await rm(cold.cacheDir, { recursive: true });
}

async function edit(path: string, from: string, to: string): Promise<void> {
  const file = join(content, path);
  const text = await readFile(file, 'utf8');
  assert.ok(text.includes(from), `${path} has ${from}`);
  await writeFile(file, text.replace(from, to));
}

before(async () => {
  content = await contentFolder(files);
  await copyFile(PHOTO, join(content, 'articles/2025/02/01/testbilde.png'));
  kept = { outDir: join(content, 'dist'), cacheDir: join(content, 'cache') };
  await build(kept);
});

describe('an incremental build, after each kind of change, is the cold build of the same content', () => {
  it('keeps every page when nothing changed', async () => {
    const { kept: keptPages, rendered, searchVolumesWritten } = await build(kept);
    assert.ok(keptPages.length >= 12, `kept ${keptPages}`);
    assert.deepEqual(rendered, []);
    assert.deepEqual(searchVolumesWritten, []);
    await assertSameAsCold('nothing');
  });

  it('after an edit of one article’s body, rendering that article and the pages that list it', async () => {
    await edit('articles/2025/01/10/en.md', 'Syntetisk avsnitt.', 'Syntetisk avsnitt, rettet.');
    // A card is a hard link into the card cache: unlinking or linking any of its names sets its status-change time.
    const unchangedCard = join('2025/02/03/fem', 'card.png');
    const cardBefore = await stat(join(kept.outDir, unchangedCard));
    const { kept: keptPages, rendered, searchVolumesWritten } = await build(kept);
    assert.ok(rendered.includes('/2025/01/10/en/index.html'), `rendered ${rendered}`);
    assert.deepEqual(searchVolumesWritten, ['2025'], 'the search index of 2024 kept');
    assert.ok(keptPages.includes('/2025/02/03/fem/index.html') && keptPages.length >= 6, `kept ${keptPages}`);
    const cardAfter = await stat(join(kept.outDir, unchangedCard));
    assert.deepEqual(
      [cardAfter.ino, cardAfter.ctimeMs],
      [cardBefore.ino, cardBefore.ctimeMs],
      'the unchanged card is left where it was in the site built over, neither removed nor linked again',
    );
    await assertSameAsCold('body');
  });

  it('after a headline that other pages list is changed, leaving a kept page where it was', async () => {
    await edit('articles/2025/01/11/to.md', 'title: Syntetisk sak to', 'title: Syntetisk sak to, ny tittel');
    // The site before the last is built in, brought up to the last: a page Astro keeps is neither copied nor written.
    const page = '2025/02/03/fem/index.html';
    const earlier = await stat(join(`${kept.outDir}.prev`, page));
    const { kept: keptPages } = await build(kept);
    assert.ok(keptPages.includes(`/${page}`), `kept ${keptPages}`);
    assert.equal((await stat(join(kept.outDir, page))).ino, earlier.ino, 'the same file, left in place');
    await assertSameAsCold('headline');
  });

  it('after an edit of an article of an earlier year, writing that year’s search volume again', async () => {
    await edit('articles/2024/12/30/null.md', 'Syntetisk avsnitt.', 'Syntetisk avsnitt, rettet i fjor.');
    const { searchVolumesWritten } = await build(kept);
    assert.ok(searchVolumesWritten.includes('2024'), `written ${searchVolumesWritten}`);
    await assertSameAsCold('earlier-year');
  });

  it('after a tag is added and another removed', async () => {
    await edit('articles/2025/02/02/fire.md', 'tags: [Kina]', 'tags: [Helse]');
    await build(kept);
    await assertSameAsCold('tag');
  });

  it('after a photo file is replaced under the same name', async () => {
    await copyFile(
      join(PROJECT_ROOT, 'tests/fixtures/odd-valid/articles/2025/03/10/testbilde.png'),
      join(content, 'articles/2025/02/01/testbilde.png'),
    );
    await build(kept);
    await assertSameAsCold('photo');
  });

  it('after a new article is published, keeping the front page’s later pages, which are numbered from the oldest', async () => {
    // In between, a build of other content with another cache. Astro writes the imports of the content's photos
    // into the project, not its cache, and again only when a photo's article changes: the fixture's build
    // leaves its own imports there, and the new article, which has no photo, would not replace them.
    const fixture = await astroBuild({
      outDir: join(content, 'fixture'),
      cacheDir: join(content, 'fixture-cache'),
      contentDir: join(PROJECT_ROOT, 'tests/fixtures/content'),
    });
    assert.equal(fixture.code, 0, fixture.output);
    await mkdir(join(content, 'articles/2025/02/04'));
    await writeFile(
      join(content, 'articles/2025/02/04/seks.md'),
      article('title: Syntetisk sak seks\npublished: 2025-02-04T07:00\nsource: NTB\ntags: [Kina]', body('Seks.')),
    );
    const { kept: keptPages } = await build(kept);
    assert.ok(keptPages.includes('/side/1/index.html'), `kept ${keptPages}`);
    await assertSameAsCold('publish');
  });

  it('after an article is deleted, leaving nothing of it', async () => {
    await rm(join(content, 'articles/2025/01/10/en.md'));
    await build(kept);
    await assertSameAsCold('delete');
  });

  it('after a build into another folder with the same cache, not building on the published site', async () => {
    // Astro's record now describes the other folder's pages, which the published site does not hold. A headline,
    // since the listings' code, unlike the articles', does not change with the folder it is built into.
    await edit(
      'articles/2025/02/03/fem.md',
      'title: Syntetisk sak fem',
      'title: Syntetisk sak fem, bare i den andre mappen',
    );
    const other = { outDir: join(content, 'other'), cacheDir: kept.cacheDir };
    await build(other);
    await build(kept);
    await assertSameAsCold('other-output');
  });

  it('after the site address changes', async () => {
    site = 'https://andre-nyheter.example.no';
    await build(kept);
    await assertSameAsCold('site');
  });

  it('after the base changes', async () => {
    base = '/nyheter/';
    await build(kept);
    await assertSameAsCold('base');
  });
});
