import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { codeDigest } from '../content/code-digest.ts';

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

/** What each year's volume was written from: the code and place that wrote it, and its pages. */
export type SearchVolumeRecords = Record<string, { code: string; pages: IndexedPage[] }>;

interface Volume {
  year: string;
  /** Its folder in the index's: the newest year's is the index's own folder, `''`. */
  folder: string;
  record: SearchVolumeRecords[string];
}

/** The index's code: this module, Pagefind's version (in the lockfile), and the volume's place. */
async function indexCode(folder: string): Promise<string> {
  const lockfile = await readFile(new URL('../../package-lock.json', import.meta.url)).catch(() => '');
  return createHash('sha256')
    .update(await codeDigest([fileURLToPath(import.meta.url)]))
    .update(lockfile)
    .update(folder)
    .digest('base64url');
}

/**
 * A volume for each year that has articles in the built site, the newest
 * first. Synchronous: the walk of thousands of folders and pages, with nothing
 * else to do meanwhile, took five times as long as promises.
 */
async function articleVolumes(siteDir: string): Promise<Volume[]> {
  const years = readdirSync(siteDir)
    .filter((name) => YEAR.test(name))
    .sort()
    .reverse();
  const volumes: Volume[] = [];
  for (const year of years) {
    const paths = readdirSync(join(siteDir, year), { recursive: true, encoding: 'utf8' })
      .map((path) => path.split(sep).join('/'))
      .filter((path) => ARTICLE_PAGE.test(path))
      .sort()
      .map((path) => `${year}/${path}`);
    if (!paths.length) continue;
    const folder = volumes.length ? `${year}/` : '';
    const pages = paths.map((path): IndexedPage => {
      const { size, mtimeMs } = statSync(join(siteDir, path));
      return [path, size, mtimeMs];
    });
    volumes.push({ year, folder, record: { code: await indexCode(folder), pages } });
  }
  return volumes;
}

/**
 * Whether a volume was written from the same pages as now: the same paths,
 * sizes and times, within the millisecond that the copy of a page from one
 * site to the next may lose (scripts/earlier-output.ts), as the copy decides.
 */
function sameRecord(earlier: Volume['record'] | undefined, now: Volume['record']): boolean {
  return (
    earlier?.code === now.code &&
    earlier.pages.length === now.pages.length &&
    earlier.pages.every(
      ([path, size, time], index) =>
        path === now.pages[index]![0] && size === now.pages[index]![1] && Math.abs(time - now.pages[index]![2]) < 1,
    )
  );
}

/** Writes the volume of the pages `glob` names in the site, or, without one, an index of nothing. */
async function writeVolume(outputPath: string, pages?: { siteDir: string; glob: string }): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  if (pages) {
    const added = await index.addDirectory({ path: pages.siteDir, glob: pages.glob });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
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
 * once Astro has exited: Pagefind holds a volume in memory, and beside Astro's
 * process it would add to the build's peak.
 */
export async function writeSearchIndex(
  siteDir: string,
  earlier?: { dir: string; records: SearchVolumeRecords },
): Promise<SearchIndexWritten> {
  const indexDir = join(siteDir, SEARCH_INDEX_DIR);
  const volumes = await articleVolumes(siteDir);
  const written: string[] = [];
  try {
    // The newest first: the others' folders go inside its own.
    for (const { year, folder, record } of volumes) {
      const target = join(indexDir, folder);
      if (earlier && sameRecord(earlier.records[year], record)) {
        await moveVolume(earlier.dir, indexDir, folder);
        continue;
      }
      await writeVolume(target, { siteDir, glob: `${year}/[0-9][0-9]/[0-9][0-9]/*/index.html` });
      for (const name of folder ? await readdir(target) : []) {
        if (!MERGED_VOLUME_FILES.test(name)) await rm(join(target, name), { recursive: true });
      }
      written.push(year);
    }
    // With no article, /sok/ still loads an index, and finds nothing.
    if (!volumes.length) await writeVolume(indexDir);
  } finally {
    await pagefind.close();
  }
  const merged = volumes.slice(1).map(({ folder }) => folder);
  await writeFile(join(indexDir, SEARCH_VOLUMES_FILE), JSON.stringify(merged));
  return {
    pages: volumes.reduce((sum, { record }) => sum + record.pages.length, 0),
    written,
    records: Object.fromEntries(volumes.map(({ year, record }) => [year, record])),
  };
}
