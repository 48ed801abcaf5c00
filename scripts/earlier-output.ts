import { copyFileSync, lstatSync, mkdirSync, rmSync, type Stats, utimesSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { writeCacheFile } from '../src/content/cache-file.ts';
import { entriesBelow } from '../src/site/entries-below.ts';
import type { SearchVolumeRecords } from '../src/site/search-index.ts';

/**
 * npm run build writes a new site beside the published one, and keeps the one
 * it replaced to build the next in: brought up to the published site's files,
 * it already holds every page Astro's incremental build keeps, which Astro
 * would otherwise copy from its cache one by one (src/site/in-place-output.ts).
 */

/** Astro's record of the last build's pages, which its incremental build keeps or renders again by. */
const ASTRO_BUILD_RECORD = 'incremental-build.json';
/** What npm run build notes, beside Astro's record, of the site it last published with this cache. */
const PUBLISHED_RECORD = 'nyhetsleser-published.json';

interface Published {
  output: string;
  /** The published folder itself: a build with another cache, swapped in at the same path, makes another. */
  folder: { ino: number; birthtimeMs: number } | null;
  /** Astro's record as that build left it: another build with the same cache changes it. */
  record: AstroRecord;
  /** What the published search index's volumes were written from. */
  searchVolumes: SearchVolumeRecords;
}

export type AstroRecord = { size: number; mtimeMs: number } | null;

/** Astro's record of the last build, as it is now: read it as soon as Astro is done. */
export async function astroRecord(cacheDir: string): Promise<AstroRecord> {
  const record = await stat(join(cacheDir, ASTRO_BUILD_RECORD)).catch(() => undefined);
  return record ? { size: record.size, mtimeMs: record.mtimeMs } : null;
}

async function folderOf(output: string): Promise<Published['folder']> {
  const folder = await stat(output).catch(() => undefined);
  return folder ? { ino: folder.ino, birthtimeMs: folder.birthtimeMs } : null;
}

/** Notes that `output` is now the site Astro's `record` describes, with a search index of `searchVolumes`. */
export async function notePublished(
  cacheDir: string,
  output: string,
  record: AstroRecord,
  searchVolumes: SearchVolumeRecords,
): Promise<void> {
  const published: Published = { output, folder: await folderOf(output), record, searchVolumes };
  writeCacheFile(join(cacheDir, PUBLISHED_RECORD), JSON.stringify(published));
}

/**
 * What the last build with this cache noted of the site it published, when
 * `output` is still that site. A build that failed, or wrote elsewhere with
 * the same cache, has rewritten Astro's record, which then describes pages
 * that `output` may not hold; a build with another cache has swapped in
 * another folder.
 */
export async function lastPublished(
  cacheDir: string,
  output: string,
): Promise<{ searchVolumes: SearchVolumeRecords } | undefined> {
  const noted = await readFile(join(cacheDir, PUBLISHED_RECORD), 'utf8').catch(() => undefined);
  let published: Published;
  try {
    published = JSON.parse(noted ?? '') as Published;
  } catch {
    return undefined;
  }
  const now = { output, folder: await folderOf(output), record: await astroRecord(cacheDir) };
  const then = { output: published.output, folder: published.folder, record: published.record };
  return JSON.stringify(then) === JSON.stringify(now) ? { searchVolumes: published.searchVolumes ?? {} } : undefined;
}

/** The files in `dir`, by their path in it, but those `leaveOut` names. */
function filesIn(dir: string, leaveOut: (path: string) => boolean): Map<string, Stats> {
  const files = new Map<string, Stats>();
  for (const entry of entriesBelow(dir)) {
    if (entry.isDirectory()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!leaveOut(path)) files.set(path, lstatSync(join(dir, path)));
  }
  return files;
}

// Within a millisecond: a copy's time is set from the original's in whole milliseconds, and can land a
// microsecond below it.
const sameFile = (a: Stats, b: Stats) => a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 1;

/**
 * Makes `to` hold the files `from` holds, but those `leaveOut` names (by their
 * path in the folder), which are neither copied nor removed: copies the files
 * whose size or time differ, with the time of the original so that the next
 * mirror finds them alike, and removes the rest. A file in `to` is unlinked
 * before it is copied over, never written through: it may be a hard link into
 * `from`. Returns how many files were copied.
 */
export function mirrorFolder(from: string, to: string, leaveOut: (path: string) => boolean = () => false): number {
  mkdirSync(to, { recursive: true });
  const wanted = filesIn(from, leaveOut);
  const present = filesIn(to, leaveOut);
  for (const path of present.keys()) {
    if (!wanted.has(path)) rmSync(join(to, path), { force: true });
  }
  let copied = 0;
  for (const [path, original] of wanted) {
    const kept = present.get(path);
    if (kept && sameFile(kept, original)) continue;
    const target = join(to, path);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    copyFileSync(join(from, path), target);
    utimesSync(target, original.atime, original.mtime);
    copied += 1;
  }
  return copied;
}
