import assert from 'node:assert/strict';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { astroBuild, type BuildResult } from '../helpers/builds.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { type RunResult, runScript } from '../helpers/run.ts';

/**
 * The agreement of the check and the build, on the synthetic corpus of bad
 * articles (tests/fixtures/bad-articles/), one problem a file: `npm run
 * check` names each at its line and field, and `npm run build` refuses with
 * the very same lines, shows no stack trace, and leaves dist/ as it was.
 */

const CORPUS = 'tests/fixtures/bad-articles';
const expected: Array<{ file: string; line: number | null; field: string; class: string }> = JSON.parse(
  await readFile(join(CORPUS, 'expected.json'), 'utf8'),
);
const PREVIOUS_SITE = '<!doctype html><title>Forrige bygg</title>';

let check: RunResult;
let build: BuildResult;
let root: string;

before(async () => {
  check = await runScript('check-content.ts', [], { CONTENT_DIR: CORPUS });
  root = await temporaryFolder('bad-articles');
  await mkdir(join(root, 'dist'));
  await writeFile(join(root, 'dist/index.html'), PREVIOUS_SITE);
  build = await astroBuild({ outDir: join(root, 'dist'), contentDir: CORPUS, cacheDir: join(root, 'cache') });
});

const problemLines = (output: string) => output.split('\n').filter((line) => line.startsWith(`${CORPUS}/`));
/** Node's and Astro's forms of a stack frame, and Astro's heading for them. */
const STACK = /^\s+at |Stack trace:/m;

describe('bad articles', () => {
  it('are each named by npm run check, at their line and field, and nothing else is', () => {
    assert.equal(check.code, 1);
    const lines = problemLines(check.stdout);
    for (const { file, line, field, class: what } of expected) {
      const start = `${CORPUS}/${file}${line ? `:${line}` : ''}: ${field}: `;
      assert.ok(
        lines.some((printed) => printed.startsWith(start)),
        `${what}: no line starts ${start}\n${check.stdout}`,
      );
    }
    assert.equal(lines.length, expected.length, 'one problem a file');
  });

  it('stop npm run build with the lines npm run check prints', () => {
    assert.notEqual(build.code, 0);
    assert.deepEqual(problemLines(build.output), problemLines(check.stdout));
  });

  it('show no stack trace', () => {
    assert.doesNotMatch(check.stdout + check.stderr, STACK);
    assert.doesNotMatch(build.output, STACK);
  });

  it('leave the previous dist/ as it was, and nothing half-built beside it', async () => {
    assert.equal(await readFile(join(root, 'dist/index.html'), 'utf8'), PREVIOUS_SITE);
    assert.deepEqual((await readdir(join(root, 'dist'))).sort(), ['index.html']);
    assert.deepEqual(
      (await readdir(root)).filter((name) => name.startsWith('dist')),
      ['dist'],
    );
  });
});

describe('odd but valid articles', () => {
  it('pass npm run check', async () => {
    const result = await runScript('check-content.ts', [], { CONTENT_DIR: 'tests/fixtures/odd-valid' });
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0, result.stderr);
  });
});
