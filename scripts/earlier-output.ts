import { copyFileSync, lstatSync, mkdirSync, readdirSync, rmSync, type Stats, utimesSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

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
  /** Astro's record as that build left it: another build with the same cache changes it. */
  record: { size: number; mtimeMs: number } | null;
}

async function astroRecord(cacheDir: string): Promise<Published['record']> {
  const record = await stat(join(cacheDir, ASTRO_BUILD_RECORD)).catch(() => undefined);
  return record ? { size: record.size, mtimeMs: record.mtimeMs } : null;
}

/** Notes that `output` is now the site Astro's record describes. */
export async function notePublished(cacheDir: string, output: string): Promise<void> {
  const published: Published = { output, record: await astroRecord(cacheDir) };
  await mkdir(cacheDir, { recursive: true });
  await writeFile(join(cacheDir, PUBLISHED_RECORD), JSON.stringify(published));
}

/**
 * Whether `output` is the site the last build with this cache published. A
 * build that failed, or wrote elsewhere with the same cache, has rewritten
 * Astro's record, which then describes pages that `output` may not hold.
 */
export async function isLastPublished(cacheDir: string, output: string): Promise<boolean> {
  const noted = await readFile(join(cacheDir, PUBLISHED_RECORD), 'utf8').catch(() => undefined);
  if (!noted) return false;
  const published = JSON.parse(noted) as Published;
  return (
    published.output === output && JSON.stringify(published.record) === JSON.stringify(await astroRecord(cacheDir))
  );
}

/** The files in `dir`, by their path in it, but those `leaveOut` names. */
function filesIn(dir: string, leaveOut: (path: string) => boolean): Map<string, Stats> {
  const files = new Map<string, Stats>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!leaveOut(path)) files.set(path, lstatSync(join(dir, path)));
  }
  return files;
}

const sameFile = (a: Stats, b: Stats) => a.size === b.size && Math.trunc(a.mtimeMs) === Math.trunc(b.mtimeMs);

/**
 * Makes `to` hold the files `from` holds, but those `leaveOut` names (by their
 * path in the folder), which are removed from `to`: copies the files whose
 * size or time differ, with the time of the original so that the next mirror
 * finds them alike, and removes the rest. A file in `to` is unlinked before it
 * is copied over, never written through: it may be a hard link into `from`.
 * Returns how many files were copied.
 */
export function mirrorFolder(from: string, to: string, leaveOut: (path: string) => boolean = () => false): number {
  mkdirSync(to, { recursive: true });
  const wanted = filesIn(from, leaveOut);
  const present = filesIn(to, () => false);
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
