import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { runScript } from '../helpers/run.ts';

/** The id of a process that has ended, as a build killed mid-way leaves in its folders' names. */
function endedProcessId(): number {
  return spawnSync(process.execPath, ['-e', '']).pid as number;
}

describe('npm run build, where its output goes', () => {
  it('keeps a linked dist/ pointing where it did, removes only what killed builds left, and warns of a missing SITE_URL', async () => {
    const root = await temporaryFolder('build-output');
    const published = join(root, 'publisert');
    await mkdir(published);
    await writeFile(join(published, 'index.html'), 'forrige bygg');
    await writeFile(join(published, '_headers'), '');
    await symlink(published, join(root, 'dist'));
    const ended = endedProcessId();
    for (const left of ['publisert.next', `publisert.old-${ended}`, `publisert.old-${process.pid}`]) {
      await mkdir(join(root, left));
    }
    await writeFile(join(root, 'publisert.next/halvferdig.html'), 'et drept bygg');
    await writeFile(join(root, 'publisert.next.lock'), String(ended));

    // No SITE_URL, as a host that forgot it.
    const result = await runScript('build.ts', ['--out', join(root, 'dist')], {
      SITE_URL: '',
      CONTENT_DIR: 'tests/fixtures/content',
      ASTRO_CACHE_DIR: join(root, 'cache'),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /^warning: SITE_URL is not set, so every canonical URL, preview, feed and sitemap points at http:\/\/localhost:4321/m,
    );

    assert.ok((await lstat(join(root, 'dist'))).isSymbolicLink(), 'dist/ is still a link');
    assert.equal(await readlink(join(root, 'dist')), published);
    assert.notEqual(await readFile(join(published, 'index.html'), 'utf8'), 'forrige bygg');
    assert.deepEqual((await readdir(root)).sort(), [
      'cache',
      'dist',
      'publisert',
      `publisert.old-${process.pid}`,
      // The site it replaced, kept to build the next in.
      'publisert.prev',
    ]);
    assert.equal(
      (await readdir(published)).includes('halvferdig.html'),
      false,
      'the killed build’s half-written folder is not published',
    );
  });

  it('refuses, in one line, to build while another build is writing the same output', async () => {
    const root = await temporaryFolder('build-locked');
    await writeFile(join(root, 'dist.next.lock'), String(process.pid));
    const result = await runScript('build.ts', ['--out', join(root, 'dist')], {
      CONTENT_DIR: 'tests/fixtures/content',
      ASTRO_CACHE_DIR: join(root, 'cache'),
    });
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(`^error: another build \\(process ${process.pid}\\) is writing .*dist/ now`, 'm'),
    );
    assert.deepEqual((await readdir(root)).sort(), ['dist.next.lock']);
  });
});

describe('npm run build, given an output that is not its own', () => {
  it('refuses, in one line, to replace the project, its articles, a file or a folder of other files', async () => {
    const root = await temporaryFolder('unsafe-output');
    await mkdir(join(root, 'andre-filer'));
    await writeFile(join(root, 'andre-filer/viktig.txt'), 'syntetisk');
    await writeFile(join(root, 'fil.txt'), 'syntetisk');
    // A folder of other files where the build would keep the site it replaces, beside an output of its own.
    await mkdir(join(root, 'eget.prev'));
    await writeFile(join(root, 'eget.prev/viktig.txt'), 'syntetisk');
    const cases: Array<[string, RegExp]> = [
      ['.', /would replace the project or its articles/],
      ['..', /would replace the project or its articles/],
      ['tests/fixtures/content', /would replace the project or its articles/],
      ['tests/fixtures/content/articles/2025', /would replace the project or its articles/],
      [join(root, 'fil.txt'), /is a file, not a folder/],
      [join(root, 'andre-filer'), /holds files that no build wrote/],
      [join(root, 'eget'), /eget\.prev, where the build keeps the site it replaces, holds files that no build wrote/],
    ];
    for (const [out, refusal] of cases) {
      const result = await runScript('build.ts', ['--out', out], { CONTENT_DIR: 'tests/fixtures/content' });
      assert.equal(result.code, 2, `${out}: ${result.stderr}`);
      assert.match(result.stderr.split('\n')[0] ?? '', refusal, out);
    }
    assert.equal(await readFile(join(root, 'andre-filer/viktig.txt'), 'utf8'), 'syntetisk');
    assert.equal(await readFile(join(root, 'eget.prev/viktig.txt'), 'utf8'), 'syntetisk');
    assert.ok((await lstat('package.json')).isFile(), 'the project is still there');
  });
});
