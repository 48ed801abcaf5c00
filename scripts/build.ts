import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BODIES_CHECKED } from '../src/lib/site.ts';

/**
 * npm run build: checks the content, then builds into a new folder and swaps
 * it in for dist/ only when the build succeeds. A failed build leaves the
 * previous dist/ as it was, so a host syncing dist/ never sees half a site.
 */

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const outDir = resolve(values.out);
const nextDir = `${outDir}.next-${process.pid}`;
const oldDir = `${outDir}.old-${process.pid}`;

/** Runs a script on this same Node, which is the pinned one even where the machine's own Node is older. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(script), ...args], { stdio: 'inherit', env });
    child.on('error', () => done(1));
    child.on('close', (code) => done(code ?? 1));
  });
}

const checked = await run('scripts/check-content.ts', []);
if (checked !== 0) {
  console.error('error: the build did not start, because the articles above have errors');
  process.exit(checked);
}
// The articles were just checked in full, so Astro's loader need only read their frontmatter again.
const built = await run('node_modules/astro/bin/astro.mjs', ['build', '--outDir', nextDir], {
  ...process.env,
  [BODIES_CHECKED]: '1',
});
if (built !== 0) {
  await rm(nextDir, { recursive: true, force: true });
  console.error(`error: the build failed, and ${values.out}/ is as it was`);
  process.exit(built);
}
if (existsSync(outDir)) await rename(outDir, oldDir);
await rename(nextDir, outDir);
await rm(oldDir, { recursive: true, force: true });
