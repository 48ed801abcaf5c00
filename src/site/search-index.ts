import { readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { codeDigest, packagesDigest } from '../content/code-digest.ts';

/**
 * The search index, in one Pagefind volume a year: a publish or an edit
 * writes the volume of its year again and keeps the others, where one index
 * of every article took the longest part of a publish at 10,000 articles.
 * The newest year's volume is the index `/sok/` loads, with Pagefind's code
 * and its Norwegian stemmer; the others are merged into it in the browser
 * (Pagefind's `mergeIndex`), one small request each.
 */

/** The search index's folder in the built site, which `/sok/` loads Pagefind from. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** The volumes merged into the newest, listed in the index's folder for `/sok/`: `["2024/","2023/"]`. */
export const SEARCH_VOLUMES_FILE = 'volumes.json';

const YEAR = /^\d{4}$/;
/** An article page in its year's folder, `mm/dd/<slug>/index.html` (permalink.ts); the listings have nothing to index. */
const ARTICLE_PAGE = /^\d{2}\/\d{2}\/[^/]+\/index\.html$/;
/** What a merged volume needs of what Pagefind writes: its code and styles come with the newest. */
const MERGED_VOLUME_FILES = /^(?:pagefind-entry\.json|.+\.pf_meta|index|fragment|filter)$/;

/** A page as a volume was written from it: its path in the site, size and time. */
type IndexedPage = [path: string, size: number, mtimeMs: number];

/**
 * What each year's volume was written from: the code and place that wrote it,
 * and its pages; and how many of them it indexed, since a year whose pages
 * have nothing marked to index (redirects alone) is no volume.
 */
export type SearchVolumeRecords = Record<string, { code: string; pages: IndexedPage[]; indexed: number }>;

/** The code that writes the index: this module, and Pagefind's version (by the lockfile). */
async function indexCode(): Promise<string> {
  return `${await codeDigest([fileURLToPath(import.meta.url)])} ${await packagesDigest()}`;
}

/**
 * The article pages of each year in the built site, the newest year first.
 * Synchronous: the walk of thousands of folders and pages, with nothing else
 * to do meanwhile, took five times as long as promises.
 */
function pagesByYear(siteDir: string): Array<{ year: string; pages: IndexedPage[] }> {
  const years = readdirSync(siteDir)
    .filter((name) => YEAR.test(name))
    .sort()
    .reverse();
  const found: Array<{ year: string; pages: IndexedPage[] }> = [];
  for (const year of years) {
    const paths = readdirSync(join(siteDir, year), { recursive: true, encoding: 'utf8' })
      .map((path) => path.split(sep).join('/'))
      .filter((path) => ARTICLE_PAGE.test(path))
      .sort()
      .map((path) => `${year}/${path}`);
    if (!paths.length) continue;
    const pages = paths.map((path): IndexedPage => {
      const { size, mtimeMs } = statSync(join(siteDir, path));
      return [path, size, mtimeMs];
    });
    found.push({ year, pages });
  }
  return found;
}

/**
 * Whether a volume was written from the same pages as now: the same paths,
 * sizes and times, within the millisecond that the copy of a page from one
 * site to the next may lose (scripts/earlier-output.ts), as the copy decides.
 */
function sameRecord(
  earlier: SearchVolumeRecords[string] | undefined,
  now: Pick<SearchVolumeRecords[string], 'code' | 'pages'>,
): boolean {
  return (
    earlier?.code === now.code &&
    earlier.pages.length === now.pages.length &&
    earlier.pages.every(
      ([path, size, time], index) =>
        path === now.pages[index]![0] && size === now.pages[index]![1] && Math.abs(time - now.pages[index]![2]) < 1,
    )
  );
}

/**
 * Writes the volume of the pages `glob` names in the site, or, without one, an
 * index of nothing, and returns how many pages it indexed: Pagefind reads
 * every page, and leaves out those with nothing marked to index.
 */
async function writeVolume(outputPath: string, pages?: { siteDir: string; glob: string }): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  if (pages) {
    const added = await index.addDirectory({ path: pages.siteDir, glob: pages.glob });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, { page_count }) => sum + page_count, 0);
}

/** Moves a volume the earlier index holds, unchanged, into the new one: the newest's files, or a year's folder. */
async function moveVolume(from: string, to: string, folder: string): Promise<void> {
  if (folder) return rename(join(from, folder), join(to, folder));
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (!YEAR.test(name) && name !== SEARCH_VOLUMES_FILE) await rename(join(from, name), join(to, name));
  }
}

/** The index written, and how: its pages, the volumes written anew, and what each was written from. */
export interface SearchIndexWritten {
  pages: number;
  written: string[];
  records: SearchVolumeRecords;
}

/**
 * Indexes a built site's articles with Pagefind, in Norwegian Bokmål (which it
 * stems), into `pagefind/` beside the pages, a volume a year. Only what an
 * article marks with `data-pagefind-body` is indexed: its headline and body,
 * not the navigation. `earlier` is the index of the site this one was built
 * over, with what its volumes were written from: a volume whose pages are
 * unchanged is moved from there, not written again. `npm run build` calls it
 * as soon as Astro has written the pages, beside Astro's last work: Pagefind
 * holds one volume in memory at a time.
 */
export async function writeSearchIndex(
  siteDir: string,
  earlier?: { dir: string; records: SearchVolumeRecords },
): Promise<SearchIndexWritten> {
  const indexDir = join(siteDir, SEARCH_INDEX_DIR);
  const written: string[] = [];
  const records: SearchVolumeRecords = {};
  const indexVersion = await indexCode();
  /** The first year with pages to index is the newest, Pagefind's own index; the later ones are merged into it. */
  let hasNewest = false;
  const merged: string[] = [];
  try {
    // The newest first: the others' folders go inside its own.
    for (const { year, pages } of pagesByYear(siteDir)) {
      const folder = hasNewest ? `${year}/` : '';
      // The volume's place is part of its code: the newest holds Pagefind's code, a merged one its index alone.
      const code = `${indexVersion} ${folder}`;
      const kept = earlier?.records[year];
      let indexed: number;
      if (earlier && kept && sameRecord(kept, { code, pages })) {
        indexed = kept.indexed;
        if (indexed) await moveVolume(earlier.dir, indexDir, folder);
      } else {
        const target = join(indexDir, folder);
        indexed = await writeVolume(target, { siteDir, glob: `${year}/[0-9][0-9]/[0-9][0-9]/*/index.html` });
        written.push(year);
        // A year of redirects alone has nothing to find, and the newest year's volume must hold Pagefind's stemmer.
        if (!indexed) await rm(target, { recursive: true });
        for (const name of indexed && folder ? await readdir(target) : []) {
          if (!MERGED_VOLUME_FILES.test(name)) await rm(join(target, name), { recursive: true });
        }
      }
      records[year] = { code, pages, indexed };
      if (indexed && hasNewest) merged.push(folder);
      hasNewest ||= indexed > 0;
    }
    // With no article, /sok/ still loads an index, and finds nothing.
    if (!hasNewest) await writeVolume(indexDir);
  } finally {
    await pagefind.close();
  }
  await writeFile(join(indexDir, SEARCH_VOLUMES_FILE), JSON.stringify(merged));
  return {
    pages: Object.values(records).reduce((sum, { indexed }) => sum + indexed, 0),
    written,
    records,
  };
}
