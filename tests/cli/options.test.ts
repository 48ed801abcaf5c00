import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesBelow, temporaryFolder } from '../helpers/import-cli.ts';
import { runScript } from '../helpers/run.ts';

/**
 * Every command that takes options answers a bad command line with one line
 * naming the problem and its usage line, exit 2, before it does any work.
 * (The import's own cases are in import-ntb.test.ts.)
 */

const cases: Array<[script: string, args: string[], problem: RegExp, usage: string]> = [
  ['build.ts', ['--out'], /Option '--out <value>' argument missing/, 'npm run build'],
  ['build.ts', ['--utdata', 'x'], /Unknown option '--utdata'/, 'npm run build'],
  ['build.ts', ['dist'], /Unexpected argument 'dist'/, 'npm run build'],
  ['check-content.ts', ['--strict=yes'], /Option '--strict' does not take an argument/, 'npm run check'],
  ['check-content.ts', ['--streng'], /Unknown option '--streng'/, 'npm run check'],
  ['bench.ts', ['--articles'], /Option '--articles <value>' argument missing/, 'npm run bench'],
  ['bench.ts', ['--articles', '0,tusen'], /--articles takes whole numbers from 1.*not "0,tusen"/, 'npm run bench'],
  ['bench.ts', ['--articles', '1e9'], /--articles takes whole numbers from 1 to 100000.*not "1e9"/, 'npm run bench'],
  // It has no --dry-run: taking it for one must not write the lock.
  ['permalinks.ts', ['--dry-run'], /Unknown option '--dry-run'/, 'npm run permalinks'],
];

describe('a bad command line', () => {
  for (const [script, args, problem, usage] of cases) {
    it(`${script} ${args.join(' ')}: one line and the usage, exit 2`, async () => {
      const contentDir = await temporaryFolder('options');
      const result = await runScript(script, args, { CONTENT_DIR: contentDir }, { timeout: 60_000 });
      assert.equal(result.code, 2, result.stderr);
      const [error, usageLine, ...rest] = result.stderr.split('\n');
      assert.match(error ?? '', /^error: /);
      assert.match(error ?? '', problem);
      assert.ok(usageLine?.startsWith(`usage: ${usage}`), usageLine);
      assert.deepEqual(rest, ['']);
      assert.deepEqual(await filesBelow(contentDir), [], 'nothing written');
    });
  }
});
