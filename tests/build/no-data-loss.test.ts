import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { PROJECT_ROOT, TEST_SITE_URL } from '../helpers/builds.ts';
import { runImport, temporaryFolder } from '../helpers/import-cli.ts';
import { runScript } from '../helpers/run.ts';
import { treeHashes } from '../helpers/tree-hash.ts';

/**
 * The build, the check and the import never change or remove anything in
 * content/, and a build that fails leaves the previous dist/ as it was.
 */

let root: string;
let contentDir: string;
let outDir: string;
const env = () => ({ CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: join(root, 'cache'), SITE_URL: TEST_SITE_URL });

before(async () => {
  root = await temporaryFolder('no-data-loss');
  contentDir = join(root, 'content');
  outDir = join(root, 'dist');
  await cp(join(PROJECT_ROOT, 'tests/fixtures/content'), contentDir, { recursive: true });
});

describe('content/ is never changed by the tools', () => {
  it('is the same after npm run check', async () => {
    const before = await treeHashes(contentDir);
    assert.equal((await runScript('check-content.ts', [], env())).code, 0);
    assert.deepEqual(await treeHashes(contentDir), before);
  });

  it('is the same after npm run build, which writes dist/', async () => {
    const before = await treeHashes(contentDir);
    const result = await runScript('build.ts', ['--out', outDir], env());
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(join(outDir, 'index.html')));
    assert.deepEqual(await treeHashes(contentDir), before);
  });

  it('only gains the new article from npm run import', async () => {
    const before = await treeHashes(contentDir);
    const result = await runImport([join(PROJECT_ROOT, 'tests/fixtures/ntb/basic.txt')], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    const after = await treeHashes(contentDir);
    for (const [file, hash] of before) assert.equal(after.get(file), hash, file);
    assert.deepEqual(
      [...after.keys()].filter((file) => !before.has(file)),
      ['articles/2025/03/14/syntetisk-ingress-skrevet-for-testene.md'],
    );
  });
});

describe('a build that fails midway', () => {
  it('leaves the previous dist/ untouched and no half-built folder behind', async () => {
    const built = await treeHashes(outDir);
    assert.ok(built.size > 5, 'the previous build is there to protect');
    // A photo file that is not an image passes the check, which only asks that it exists, and breaks the build later.
    await writeFile(join(contentDir, 'articles/2025/01/15/testbilde.png'), 'SYNTHETIC: not a PNG');
    const result = await runScript('build.ts', ['--out', outDir], env());
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /the build failed, and .*dist\/ is as it was/);
    assert.deepEqual(await treeHashes(outDir), built);
    assert.deepEqual(
      (await readdir(root)).filter((name) => name.startsWith('dist.')),
      [],
    );
  });
});
