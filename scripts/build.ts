import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_INDEX_AFTER_ASTRO, writeSearchIndex } from '../src/site/search-index.ts';
import { BODIES_CHECKED } from '../src/site/config.ts';

/**
 * npm run build: checks the content while Astro builds into a new folder,
 * writes the search index once Astro has exited (so that the two never hold
 * their memory at once), and swaps that folder in for dist/ only when all of
 * it succeeds. Astro's output is held back until the check passes; if it
 * fails, Astro is stopped and nothing it made is kept. A failed build leaves
 * the previous dist/ as it was, so a host syncing dist/ never sees half a site.
 */

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const outDir = resolve(values.out);
const nextDir = `${outDir}.next-${process.pid}`;
const oldDir = `${outDir}.old-${process.pid}`;

/**
 * V8 lets a heap grow to several times what survived its last full collection
 * before it collects again. At 10,000 articles Astro's heap held about 0.4 GB
 * of live objects in 0.9 GB, just as Astro bundled its content store, which
 * is the build's peak. Letting it grow by half at a time keeps that peak
 * under 2 GB (2.5 GB without), for about 7% more time in Astro's process,
 * which the cards hide; growing by a fifth saved another 0.15 GB but cost a
 * fifth more time. The card processes Astro starts inherit the flag.
 */
const HEAP_GROWTH = '--heap-growing-percent=50';

/** Runs a script on this same Node, which is the pinned one even where the machine's own Node is older. */
function start(script: string, args: string[], env: NodeJS.ProcessEnv = process.env, nodeFlags: string[] = []) {
  // Piped output is colourless unless asked, and it ends up on this terminal all the same.
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  return spawn(process.execPath, [...nodeFlags, resolve(script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...colour },
  });
}

function exitCode(child: ReturnType<typeof start>): Promise<number> {
  return new Promise((done) => {
    child.on('error', () => done(1));
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Keeps nothing of a build that failed after the check passed. */
async function giveUp(): Promise<never> {
  await rm(nextDir, { recursive: true, force: true });
  console.error(`error: the build failed, and ${values.out}/ is as it was`);
  process.exit(1);
}

const check = start('scripts/check-content.ts', []);
check.stdout.pipe(process.stdout);
check.stderr.pipe(process.stderr);
// The check reads every body, so Astro's loader need only read the frontmatter again.
const astro = start(
  'node_modules/astro/bin/astro.mjs',
  ['build', '--outDir', nextDir],
  { ...process.env, [BODIES_CHECKED]: '1', [SEARCH_INDEX_AFTER_ASTRO]: '1' },
  [HEAP_GROWTH],
);
const heldBack: Array<[NodeJS.WriteStream, Buffer]> = [];
astro.stdout.on('data', (chunk: Buffer) => heldBack.push([process.stdout, chunk]));
astro.stderr.on('data', (chunk: Buffer) => heldBack.push([process.stderr, chunk]));
const built = exitCode(astro);

const checked = await exitCode(check);
if (checked !== 0) {
  astro.kill();
  await built;
  await rm(nextDir, { recursive: true, force: true });
  console.error('error: the build was stopped, because the articles above have errors');
  process.exit(checked);
}
for (const [stream, chunk] of heldBack.splice(0)) stream.write(chunk);
astro.stdout.removeAllListeners('data').pipe(process.stdout);
astro.stderr.removeAllListeners('data').pipe(process.stderr);
if ((await built) !== 0) await giveUp();
try {
  console.log(`search index written for ${await writeSearchIndex(nextDir)} pages`);
} catch (error) {
  console.error(error);
  await giveUp();
}
if (existsSync(outDir)) await rename(outDir, oldDir);
await rename(nextDir, outDir);
await rm(oldDir, { recursive: true, force: true });
