import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import {
  SEARCH_INDEX_DIR,
  SEARCH_VOLUMES_FILE,
  type SearchIndexWritten,
  writeSearchIndex,
} from '../../src/site/search-index.ts';

/** Synthetic article pages, as the build writes them: only the article is marked for the index. */
const page = (headline: string, words: string) =>
  `<!doctype html><html lang="nb"><head><title>${headline}</title></head><body><nav>Meny</nav>` +
  `<article data-pagefind-body><h1>${headline}</h1><p>${words}</p></article></body></html>`;

async function syntheticSite(pages: Record<string, string>): Promise<string> {
  const site = await mkdtemp(join(tmpdir(), 'nyhetsleser-search-index-'));
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(dirname(join(site, path)), { recursive: true });
    await writeFile(join(site, path), html);
  }
  return site;
}

const ARTICLES = {
  '2025/02/01/to/index.html': page('Syntetisk sak to', 'Syntetiske reinsdyr på vidda.'),
  '2025/01/10/en/index.html': page('Syntetisk sak en', 'Syntetisk tekst om fjellet.'),
  '2024/12/20/tre/index.html': page('Syntetisk sak tre', 'Syntetisk tekst om havet.'),
  // A listing: not an article page, and not indexed.
  '2025/index.html': page('Syntetisk årsoversikt', 'Syntetisk liste.'),
};

const pageCount = async (folder: string) =>
  (
    JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as {
      languages: { nb: { page_count: number } };
    }
  ).languages.nb.page_count;

/** Moves the index aside and writes it again over the earlier one, as `npm run build` does from build to build. */
async function writeAgain(site: string, written: SearchIndexWritten): Promise<SearchIndexWritten> {
  const earlier = `${site}.search`;
  await rm(earlier, { recursive: true, force: true });
  await rename(join(site, SEARCH_INDEX_DIR), earlier);
  const again = await writeSearchIndex(site, { dir: earlier, records: written.records });
  await rm(earlier, { recursive: true, force: true });
  return again;
}

const inode = async (path: string) => (await stat(path)).ino;

describe('the search index, a volume a year', () => {
  it('puts the newest year’s volume, with Pagefind’s code, at the top, and each other year in a folder of its own', async () => {
    const site = await syntheticSite(ARTICLES);
    const written = await writeSearchIndex(site);
    const index = join(site, SEARCH_INDEX_DIR);
    assert.equal(written.pages, 3);
    assert.deepEqual(written.written, ['2025', '2024']);
    assert.deepEqual(Object.keys(written.records).sort(), ['2024', '2025']);
    assert.equal(await pageCount(index), 2);
    assert.equal(await pageCount(join(index, '2024')), 1);
    assert.deepEqual(JSON.parse(await readFile(join(index, SEARCH_VOLUMES_FILE), 'utf8')), ['2024/']);
    const top = await readdir(index);
    assert.ok(
      ['pagefind.js', 'pagefind-worker.js', 'wasm.nb.pagefind'].every((file) => top.includes(file)),
      `${top}`,
    );
    // A merged volume is its index alone: the newest brings the code that reads it.
    const merged = await readdir(join(index, '2024'));
    assert.deepEqual(
      merged.filter((name) => /\.(?:js|css)$|^wasm\./.test(name)),
      [],
    );
    assert.ok(merged.includes('fragment') && merged.includes('index'), `${merged}`);
  });

  it('keeps the volumes whose pages are unchanged, and writes again those of a changed, added or removed page', async () => {
    const site = await syntheticSite(ARTICLES);
    const first = await writeSearchIndex(site);
    const before = await readFile(join(site, SEARCH_INDEX_DIR, '2024', 'pagefind-entry.json'));
    const keptEntry = await inode(join(site, SEARCH_INDEX_DIR, '2024', 'pagefind-entry.json'));

    const unchanged = await writeAgain(site, first);
    assert.deepEqual(unchanged.written, []);
    assert.equal(
      await inode(join(site, SEARCH_INDEX_DIR, '2024', 'pagefind-entry.json')),
      keptEntry,
      'moved, not written',
    );
    assert.deepEqual(await readFile(join(site, SEARCH_INDEX_DIR, '2024', 'pagefind-entry.json')), before);
    assert.deepEqual(JSON.parse(await readFile(join(site, SEARCH_INDEX_DIR, SEARCH_VOLUMES_FILE), 'utf8')), ['2024/']);

    // The copy of a page from one site to the next keeps its time to the millisecond (scripts/earlier-output.ts).
    const copied = join(site, '2025/01/10/en/index.html');
    const { mtime } = await stat(copied);
    await copyFile(copied, `${copied}.kopi`);
    await rename(`${copied}.kopi`, copied);
    await utimes(copied, mtime, mtime);
    assert.deepEqual((await writeAgain(site, unchanged)).written, [], 'a page copied with its time');

    // Of the same size: its time tells.
    const size = (await stat(join(site, '2024/12/20/tre/index.html'))).size;
    await writeFile(join(site, '2024/12/20/tre/index.html'), page('Syntetisk sak tre', 'Syntetisk tekst om havna.'));
    assert.equal((await stat(join(site, '2024/12/20/tre/index.html'))).size, size);
    const edited = await writeAgain(site, unchanged);
    assert.deepEqual(edited.written, ['2024']);

    await rm(join(site, '2025/01/10/en'), { recursive: true });
    const removed = await writeAgain(site, edited);
    assert.deepEqual(removed.written, ['2025']);
    assert.equal(await pageCount(join(site, SEARCH_INDEX_DIR)), 1);

    // A new year: last year's volume is merged now, and written again in its folder.
    await mkdir(join(site, '2026/01/02/fire'), { recursive: true });
    await writeFile(join(site, '2026/01/02/fire/index.html'), page('Syntetisk sak fire', 'Syntetisk nyttår.'));
    const newYear = await writeAgain(site, removed);
    assert.deepEqual(newYear.written, ['2026', '2025']);
    assert.deepEqual(JSON.parse(await readFile(join(site, SEARCH_INDEX_DIR, SEARCH_VOLUMES_FILE), 'utf8')), [
      '2025/',
      '2024/',
    ]);
    assert.equal(await pageCount(join(site, SEARCH_INDEX_DIR, '2025')), 1);
  });

  it('makes no volume of a year whose pages have nothing to index, even the newest', async () => {
    // As the page an article moved from marks itself: src/pages/[...redirect].astro.
    const moved =
      '<!doctype html><html lang="nb"><body><h1>Syntetisk: flyttet</h1><div data-pagefind-body></div></body></html>';
    const site = await syntheticSite({ ...ARTICLES, '2026/11/20/flyttet/index.html': moved });
    const first = await writeSearchIndex(site);
    assert.deepEqual(first.written, ['2026', '2025', '2024']);
    assert.equal(first.pages, 3);
    assert.equal(first.records['2026']?.indexed, 0);
    const index = join(site, SEARCH_INDEX_DIR);
    // The newest year with pages to index holds Pagefind's code and its Norwegian stemmer.
    assert.equal(await pageCount(index), 2);
    assert.ok((await readdir(index)).includes('wasm.nb.pagefind'));
    assert.deepEqual(JSON.parse(await readFile(join(index, SEARCH_VOLUMES_FILE), 'utf8')), ['2024/']);
    assert.equal((await readdir(index)).includes('2026'), false);
    const again = await writeAgain(site, first);
    assert.deepEqual(again.written, []);
    assert.equal(await pageCount(index), 2);
  });

  it('writes the volume again when its record is from other code', async () => {
    const site = await syntheticSite(ARTICLES);
    const first = await writeSearchIndex(site);
    const records = { ...first.records, '2024': { ...first.records['2024']!, code: 'syntetisk eldre kode' } };
    assert.deepEqual((await writeAgain(site, { ...first, records })).written, ['2024']);
  });

  it('writes an index that finds nothing, and no volumes, for a site without articles', async () => {
    const site = await syntheticSite({ 'index.html': page('Syntetisk forside', 'Ingen saker.') });
    const written = await writeSearchIndex(site);
    assert.deepEqual(written, { pages: 0, written: [], records: {} });
    assert.ok((await readdir(join(site, SEARCH_INDEX_DIR))).includes('pagefind.js'));
    assert.deepEqual(JSON.parse(await readFile(join(site, SEARCH_INDEX_DIR, SEARCH_VOLUMES_FILE), 'utf8')), []);
  });
});
