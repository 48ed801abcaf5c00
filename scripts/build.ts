import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_CACHE_DIR, ENVIRONMENT_DEFAULTS, siteConfigOrExit } from '../src/site/config.ts';
import { earlierSiteCopyMarker, pagesPendingMarker } from '../src/site/in-place-output.ts';
import { isRunning, processIn } from '../src/site/running-process.ts';
import { SEARCH_INDEX_DIR, type SearchVolumeRecords, writeSearchIndex } from '../src/site/search-index.ts';
import { CARD_FILE } from '../src/social-cards/card-path.ts';
import { unsafeOutputProblem } from './build-output.ts';
import { astroRecord, lastPublished, mirrorFolder, notePublished } from './earlier-output.ts';
import { exitWithUsage, parseArgsOrExit } from './cli.ts';

/**
 * npm run build: Astro builds the site into a new folder, the search index is
 * written from its article pages once Astro has written them, and the new
 * folder is swapped in for dist/ only when both succeed. A failed build leaves
 * the previous dist/ as it was, so a host syncing dist/ never sees half a
 * site. The site it replaces is kept, as dist.prev/, to build the next one in
 * (earlier-output.ts), and is brought up to dist/ while Astro starts; a failed
 * build has used it up, and the next starts from a copy of dist/. Astro's
 * loader checks the articles as it renders them, and stops on bad content with
 * the lines npm run check prints.
 */

const USAGE = 'usage: npm run build [-- --out <folder>]';
const { values } = parseArgsOrExit({ options: { out: { type: 'string', default: 'dist' } } }, USAGE);
// A bad setting is one line here, before Astro starts.
const { site, contentDir, cacheDir: cacheSetting } = siteConfigOrExit(process.env);
const cacheDir = resolve(cacheSetting ?? DEFAULT_CACHE_DIR);
// Where dist/ is a link, the site is built and swapped in where it points, and the link stays as it was.
const outDir = await realpath(resolve(values.out)).catch(() => resolve(values.out));
// One name from build to build: Astro writes the output folder into the code of pages that draw photos,
// and a page whose code has changed is rendered again rather than kept from the last build.
const nextDir = `${outDir}.next`;
const nextLock = `${nextDir}.lock`;
/** The search index of the site built over, out of Astro's way, for the volumes that are unchanged. */
const earlierIndexDir = `${nextDir}.search`;
const oldDir = `${outDir}.old-${process.pid}`;
const earlierDir = `${outDir}.prev`;
const copyingMarker = earlierSiteCopyMarker(nextDir);
const pagesPending = pagesPendingMarker(nextDir);
const notOurs = { project: process.cwd(), contentDir: resolve(contentDir) };
const outputProblem = await unsafeOutputProblem(outDir, notOurs);
if (outputProblem) exitWithUsage(`--out ${values.out} ${outputProblem}`, USAGE);
// The site a build replaces is kept beside it, and removed when it cannot be built on: never a folder of other files.
const earlierProblem = await unsafeOutputProblem(earlierDir, notOurs);
if (earlierProblem)
  exitWithUsage(`${earlierDir}, where the build keeps the site it replaces, ${earlierProblem}`, USAGE);
if (site === ENVIRONMENT_DEFAULTS.SITE_URL) {
  console.warn(
    `warning: SITE_URL is not set, so every canonical URL, preview, feed and sitemap points at ${site}: ` +
      'set SITE_URL=https://… to build a site for others to read',
  );
}

/** Removes the folders that builds killed before they finished left beside the output: their process is gone. */
async function removeAbandonedBuilds(): Promise<void> {
  for (const name of await readdir(dirname(outDir)).catch(() => [])) {
    const [, pid = ''] = /^\.old-(\d+)$/.exec(name.slice(basename(outDir).length)) ?? [];
    if (name.startsWith(basename(outDir)) && pid && !isRunning(Number(pid))) {
      await rm(join(dirname(outDir), name), { recursive: true, force: true });
    }
  }
}

/**
 * Takes the one folder a new build is written in, or says which build has it.
 * A lock left by a build that was killed is taken over, and its folder emptied.
 */
async function lockNextDir(): Promise<void> {
  await mkdir(dirname(outDir), { recursive: true });
  try {
    await writeFile(nextLock, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = processIn(nextLock);
    if (owner && isRunning(owner)) {
      console.error(`error: another build (process ${owner}) is writing ${values.out}/ now: wait for it to finish`);
      process.exit(1);
    }
    await rm(nextLock, { force: true });
    return lockNextDir();
  }
  process.on('exit', () => rmSync(nextLock, { force: true }));
  // What a killed build left: its copying marker names a process that has ended, whose id another may take.
  await removeBuildFiles();
}

/** What a build keeps beside the output while it runs, but its lock: the new site, the earlier index, the markers. */
async function removeBuildFiles(): Promise<void> {
  for (const path of [copyingMarker, pagesPending, nextDir, earlierIndexDir]) {
    await rm(path, { recursive: true, force: true });
  }
}

/**
 * Starts the new site from the one published before the last, to be brought
 * up to the last by `bringUpToLast` (or from nothing, to be a copy of the
 * last, the first time): the pages Astro keeps are then in place. Only where
 * the last build with this cache published dist/, since Astro keeps a page by
 * its own record of that build; returns what the published search index's
 * volumes were written from, if so.
 */
async function takeEarlierSite(): Promise<SearchVolumeRecords | undefined> {
  const published = existsSync(outDir) ? await lastPublished(cacheDir, outDir) : undefined;
  if (!published) {
    await rm(earlierDir, { recursive: true, force: true });
    return undefined;
  }
  if (existsSync(earlierDir)) await rename(earlierDir, nextDir);
  return published.searchVolumes;
}

/**
 * Makes the new site's start hold the last site's files. The search index is
 * moved out of Astro's way, which removes what it did not write, and returned
 * with what its volumes were written from; the cards, hard links into the
 * card cache, are neither copied nor removed: the card integration leaves
 * those that still link to their card, and replaces the others.
 */
async function bringUpToLast(searchVolumes: SearchVolumeRecords): Promise<SearchVolumeRecords | undefined> {
  mirrorFolder(outDir, nextDir, (path) => basename(path) === CARD_FILE);
  const moved = await rename(join(nextDir, SEARCH_INDEX_DIR), earlierIndexDir).then(
    () => true,
    () => false,
  );
  return moved ? searchVolumes : undefined;
}

/**
 * Astro writes the imports of the content's photos into the project's .astro/,
 * not into its cache folder, and only when its content store has changed: a
 * build with another cache folder, such as a test build, leaves there the
 * imports of its own photos, and this build's would be missing. Removed,
 * they are written again from this build's store.
 */
async function forgetOtherBuildsImports(): Promise<void> {
  for (const file of ['content-assets.mjs', 'content-modules.mjs']) await rm(resolve('.astro', file), { force: true });
}

/**
 * V8 lets a heap grow to several times what survived its last full collection
 * before it collects again. At 10,000 articles Astro's heap held about 0.4 GB
 * of live objects in 0.9 GB, just as Astro bundled its content store, which
 * is the build's peak. Letting it grow by half at a time keeps that peak
 * under 2 GB, for a little more time in Astro's process (README, benchmarks).
 * The card processes Astro starts inherit the flag.
 */
const HEAP_GROWTH = '--heap-growing-percent=50';

/** Keeps nothing of a build that failed. */
async function giveUp(): Promise<never> {
  await removeBuildFiles();
  console.error(`error: the build failed, and ${values.out}/ is as it was`);
  process.exit(1);
}

await removeAbandonedBuilds();
await lockNextDir();
const publishedSearchVolumes = await takeEarlierSite();
await forgetOtherBuildsImports();
// Astro starts while the earlier site is brought up to the last, and writes nothing into it until the marker
// is gone (src/site/in-place-output.ts): the copy takes the core that Astro's start leaves.
if (publishedSearchVolumes) await writeFile(copyingMarker, String(process.pid));
await writeFile(pagesPending, String(process.pid));
// This same Node runs Astro: the pinned one, even where the machine's own Node is older.
const astro = spawn(
  process.execPath,
  [HEAP_GROWTH, resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', nextDir],
  {
    stdio: 'inherit',
  },
);
// While Astro runs, a signal that would stop the build stops Astro, and the build gives up once it has exited.
const STOPPING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const stopAstro = (signal: NodeJS.Signals) => astro.kill(signal);
for (const signal of STOPPING_SIGNALS) process.on(signal, stopAstro);
let astroCode: number | undefined;
const astroExited = new Promise<number>((done) => {
  astro.on('error', () => done(1));
  astro.on('close', (exitCode) => done(exitCode ?? 1));
}).then((exitCode) => {
  for (const signal of STOPPING_SIGNALS) process.off(signal, stopAstro);
  return (astroCode = exitCode);
});

/** Whether Astro has written the pages (src/site/in-place-output.ts), or else exited as a build that succeeded. */
async function untilPagesWritten(): Promise<boolean> {
  while (astroCode === undefined) {
    if (!existsSync(pagesPending)) return true;
    await sleep(50);
  }
  return astroCode === 0;
}
const earlierSearchVolumes =
  publishedSearchVolumes &&
  (await bringUpToLast(publishedSearchVolumes).catch(async (error: unknown) => {
    astro.kill();
    await astroExited;
    console.error(error);
    return giveUp();
  }));
await rm(copyingMarker, { force: true });
// The search index is written from the article pages as soon as Astro has written them, while it puts the cards
// in place and writes its sitemaps: Pagefind holds one volume in memory at a time (README, benchmarks).
const searchIndexWritten = untilPagesWritten()
  .then((written) =>
    written
      ? writeSearchIndex(nextDir, earlierSearchVolumes && { dir: earlierIndexDir, records: earlierSearchVolumes })
      : undefined,
  )
  .then(
    (index) => ({ index }),
    (error: unknown) => ({ error }),
  );
const code = await astroExited;
const search = await searchIndexWritten;
await rm(pagesPending, { force: true });
if (code !== 0) await giveUp();
if ('error' in search) console.error(search.error);
const searchIndex = ('index' in search && search.index) || (await giveUp());
const record = await astroRecord(cacheDir);
const years = Object.keys(searchIndex.records).length;
const { written } = searchIndex;
console.log(
  `search index written for ${searchIndex.pages} pages: ${written.length} of ${years} yearly volumes written anew` +
    `${written.length ? ` (${written.join(', ')})` : ''}${written.length < years ? ', the rest kept' : ''}`,
);
await rm(earlierIndexDir, { recursive: true, force: true });
if (existsSync(outDir)) await rename(outDir, oldDir);
await rename(nextDir, outDir);
await notePublished(cacheDir, outDir, record, searchIndex.records);
if (existsSync(oldDir)) await rename(oldDir, earlierDir);
