import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { astroBuild, type BuildResult } from '../helpers/builds.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { type RunResult, runScript } from '../helpers/run.ts';
import { treeHashes } from '../helpers/tree-hash.ts';

/**
 * The agreement of the check and the build, on the synthetic corpora of bad
 * articles (tests/fixtures/bad-articles/) and hostile ones
 * (tests/fixtures/hostile/), one problem a file: `npm run check` names each
 * at its line and field, and `npm run build` refuses with the very same
 * lines, shows no stack trace, and leaves dist/ and the content as they were.
 */

const PREVIOUS_SITE = '<!doctype html><title>Forrige bygg</title>';
/** Node's and Astro's forms of a stack frame, and Astro's heading for them. */
const STACK = /^\s+at |Stack trace:/m;

for (const corpus of ['tests/fixtures/bad-articles', 'tests/fixtures/hostile']) {
  const expected: Array<{ file: string; line: number | null; field: string; class: string }> = JSON.parse(
    await readFile(join(corpus, 'expected.json'), 'utf8'),
  );
  const problemLines = (output: string) => output.split('\n').filter((line) => line.startsWith(`${corpus}/`));

  describe(`the articles in ${corpus}`, () => {
    let check: RunResult;
    let build: BuildResult;
    let root: string;
    let contentBefore: Map<string, string>;

    before(async () => {
      contentBefore = await treeHashes(corpus);
      check = await runScript('check-content.ts', [], { CONTENT_DIR: corpus });
      root = await temporaryFolder('bad-articles');
      await mkdir(join(root, 'dist'));
      await writeFile(join(root, 'dist/index.html'), PREVIOUS_SITE);
      await writeFile(join(root, 'dist/_headers'), '');
      build = await astroBuild({ outDir: join(root, 'dist'), contentDir: corpus, cacheDir: join(root, 'cache') });
    });

    it('are each named by npm run check, at their line and field, and nothing else is', () => {
      assert.equal(check.code, 1);
      const lines = problemLines(check.stdout);
      for (const { file, line, field, class: what } of expected) {
        const start = `${corpus}/${file}${line ? `:${line}` : ''}: ${field}: `;
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

    it('leave the previous dist/ as it was, nothing half-built beside it, and the content unchanged', async () => {
      assert.equal(await readFile(join(root, 'dist/index.html'), 'utf8'), PREVIOUS_SITE);
      assert.deepEqual((await readdir(join(root, 'dist'))).sort(), ['_headers', 'index.html']);
      assert.deepEqual(
        (await readdir(root)).filter((name) => name.startsWith('dist')),
        ['dist'],
      );
      assert.deepEqual(await treeHashes(corpus), contentBefore);
    });
  });
}

describe('odd but valid articles', () => {
  it('pass npm run check', async () => {
    const result = await runScript('check-content.ts', [], { CONTENT_DIR: 'tests/fixtures/odd-valid' });
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0, result.stderr);
  });
});
