import { lstatSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AstroIntegration } from 'astro';
import { entriesBelow } from './entries-below.ts';
import { isRunning, processIn } from './running-process.ts';

/**
 * Builds over the last build's output instead of emptying it: a page Astro's
 * incremental build keeps is then left where it is, where Astro would copy it
 * from its cache, which at 10,000 articles was most of a publish's page time.
 * Once Astro is done, the files it neither wrote nor kept this build are
 * removed, so the output holds what a build into an empty folder holds. Give
 * it before the integrations that write into the output when Astro is done.
 * Their files of the last build are removed too, but those named in `putRight`
 * (site paths, such as the social cards'), which the integration that writes
 * them checks and replaces where they differ.
 */
export default function inPlaceOutput({ putRight = [] }: { putRight?: readonly string[] } = {}): AstroIntegration {
  let outDir = '';
  let buildStarted = 0;
  return {
    name: 'nyhetsleser-in-place-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        await untilEarlierSiteCopied(outDir);
        const owner = startingBuild(outDir);
        if (owner !== undefined && owner !== process.ppid) {
          throw new Error(`${outDir} is being built by another npm run build (process ${owner}), not this one's`);
        }
        buildStarted = await timeAfterEveryWrite(outDir);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const output = fileURLToPath(dir);
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        for (const path of putRight) kept.add(join(output, path));
        const removed = removeStaleFiles(output, buildStarted, kept);
        if (removed) logger.info(`${removed} files of earlier builds removed`);
        if (startingBuild(output) === process.ppid) rmSync(pagesPendingMarker(output));
      },
    },
  };
}

/**
 * The file that npm run build (scripts/build.ts) keeps beside the output, with
 * its process id in it, while it copies the earlier site into the output:
 * Astro starts meanwhile, on the other core, and writes nothing into the
 * output until the copy is whole.
 */
export const earlierSiteCopyMarker = (outDir: string) => `${resolve(outDir)}.copying`;

/**
 * The file, with its process id in it, that npm run build puts beside the
 * output before it starts Astro. The integration removes it once the pages
 * are written and the files of earlier builds removed, and npm run build then
 * writes the search index from the pages while Astro puts the cards in place
 * and writes its sitemaps and host files. An Astro whose npm run build has
 * ended, or that another build's marker names, stops at its start.
 */
export const pagesPendingMarker = (outDir: string) => `${resolve(outDir)}.pages-pending`;

/** The npm run build that this build of `outDir` is for, if one started it. */
const startingBuild = (outDir: string) => processIn(pagesPendingMarker(outDir));

/** Waits while a running build copies the earlier site into `outDir`; a build killed mid-copy is not waited for. */
export async function untilEarlierSiteCopied(outDir: string): Promise<void> {
  const copying = () => processIn(earlierSiteCopyMarker(outDir));
  for (let owner = copying(); owner && isRunning(owner); owner = copying()) await sleep(10);
}

/**
 * The time as the output's file system tells it (which may be another
 * machine's clock), once it is later than the status-change time of every
 * file written before: a coarse clock gives the last files of the earlier
 * site, copied just before, the same time as a file written now.
 */
async function timeAfterEveryWrite(outDir: string): Promise<number> {
  const marker = join(outDir, START_MARKER);
  mkdirSync(outDir, { recursive: true });
  const touch = () => {
    rmSync(marker, { force: true });
    writeFileSync(marker, '');
    return lstatSync(marker).ctimeMs;
  };
  const now = touch();
  let later = touch();
  while (later <= now) {
    await sleep(1);
    later = touch();
  }
  rmSync(marker);
  return later;
}

const START_MARKER = '.nyhetsleser-build-start';
/** What Astro's own emptying of the output keeps. */
const NEVER_REMOVED = '.git';

/**
 * Removes the files in `dir` that changed last before `since` and are not
 * `kept`, and the folders left empty, but a `.git` folder; a symbolic link is
 * a file, and what it leads to is left alone. Writing, copying or
 * linking a file sets its status-change time, which no one can set back; a page Astro
 * keeps is left untouched, and so is named in `kept`. Synchronous: the walk is
 * over tens of thousands of files, and one promise for each costs more than it.
 */
export function removeStaleFiles(dir: string, since: number, kept: ReadonlySet<string>): number {
  let removed = 0;
  // What each folder below `dir` holds, less what is removed: counted from the one walk, not read again.
  const entriesLeft = new Map<string, number>();
  const neverRemoved = join(dir, NEVER_REMOVED);
  for (const entry of entriesBelow(dir)) {
    const path = join(entry.parentPath, entry.name);
    if (path === neverRemoved || path.startsWith(`${neverRemoved}${sep}`)) continue;
    const folder = join(entry.parentPath);
    if (entry.isDirectory()) entriesLeft.set(path, entriesLeft.get(path) ?? 0);
    else if (!kept.has(path) && lstatSync(path).ctimeMs < since) {
      rmSync(path);
      removed += 1;
      continue;
    }
    entriesLeft.set(folder, (entriesLeft.get(folder) ?? 0) + 1);
  }
  // Deepest first, so that a folder whose folders were all emptied is empty in its turn.
  entriesLeft.delete(join(dir));
  for (const folder of [...entriesLeft.keys()].sort((a, b) => b.length - a.length)) {
    if (entriesLeft.get(folder) !== 0) continue;
    rmdirSync(folder);
    const parent = dirname(folder);
    entriesLeft.set(parent, (entriesLeft.get(parent) ?? 0) - 1);
  }
  return removed;
}
