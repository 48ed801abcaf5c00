import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createArticleRenderer } from '../../src/markdown/index.ts';
import { astroBuild, type BuildResult } from '../helpers/builds.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { type RunResult, runScript } from '../helpers/run.ts';
import { dangers, VECTORS } from '../fixtures/xss-vectors.ts';

/**
 * Every OWASP vector in one synthetic article. `npm run check` and `npm run
 * build` refuse it with the same lines; and what the pipeline renders of it,
 * which is what a page would hold, has nothing in it that runs.
 */

let article: string;
let outDir: string;
let check: RunResult;
let build: BuildResult;

before(async () => {
  const root = await temporaryFolder('xss');
  const contentDir = join(root, 'content');
  outDir = join(root, 'dist');
  article = join(contentDir, 'articles/2025/09/02/xss.md');
  await mkdir(join(article, '..'), { recursive: true });
  const body = VECTORS.map((vector) => `Syntetisk avsnitt før.\n\n${vector}\n\n`).join('');
  await writeFile(
    article,
    `---\n# SYNTHETIC TEST FIXTURE: OWASP XSS vectors.\ntitle: XSS\npublished: 2025-09-02\nsource: NTB\n---\n\n${body}Slutt.\n`,
  );
  check = await runScript('check-content.ts', [], { CONTENT_DIR: contentDir });
  build = await astroBuild({ outDir, contentDir, cacheDir: join(root, 'cache') });
});

const problemLines = (output: string) => output.split('\n').filter((line) => line.includes('xss.md:'));

describe('OWASP XSS vectors in an article', () => {
  it('are refused by npm run check, each at its line', () => {
    assert.equal(check.code, 1);
    assert.ok(problemLines(check.stdout).length >= 30, check.stdout);
  });

  it('are refused by npm run build with the same lines, and nothing is written', () => {
    assert.notEqual(build.code, 0);
    assert.deepEqual(problemLines(build.output), problemLines(check.stdout));
    assert.equal(existsSync(outDir), false);
  });

  it('are rendered by the pipeline into nothing that runs', async () => {
    const render = await createArticleRenderer({ base: '/' });
    const { html } = await render(await readFile(article, 'utf8'), { fileURL: pathToFileURL(article) });
    assert.deepEqual(dangers(html), []);
  });
});
