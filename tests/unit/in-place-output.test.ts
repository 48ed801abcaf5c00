import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import inPlaceOutput, {
  earlierSiteCopyMarker,
  pagesPendingMarker,
  removeStaleFiles,
  untilEarlierSiteCopied,
} from '../../src/site/in-place-output.ts';
import { mirrorFolder } from '../../scripts/earlier-output.ts';
import { filesBelow, temporaryFolder } from '../helpers/import-cli.ts';

/** Writes synthetic files below `root`. */
async function write(root: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), `syntetisk ${path}`);
  }
}

/** The folders below `root`, as paths relative to it. */
async function foldersBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe('removeStaleFiles, after a build into the last build’s output', () => {
  it('removes what the build neither wrote nor kept, and the folders left empty', async () => {
    const root = await temporaryFolder('in-place');
    await write(root, [
      '2025/01/10/slettet/index.html',
      '2025/01/11/beholdt/index.html',
      'sitemap-0.xml',
      '_astro/gammel.css',
    ]);
    await write(root, ['2025/01/12/kort/card.png']);
    // A host's own repository in the output, which Astro's own emptying of it keeps too.
    await write(root, ['.git/HEAD']);
    // The file system's clock ticks coarsely: the build starts clearly after the last build's files.
    await sleep(50);
    const since = Date.now();
    await sleep(50);
    await write(root, ['sitemap-0.xml', '2025/01/12/ny/index.html', '_astro/ny.css']);

    const kept = new Set([join(root, '2025/01/11/beholdt/index.html')]);
    assert.equal(removeStaleFiles(root, since, kept), 3);
    assert.deepEqual(await filesBelow(root), [
      '.git/HEAD',
      '2025/01/11/beholdt/index.html',
      '2025/01/12/ny/index.html',
      '_astro/ny.css',
      'sitemap-0.xml',
    ]);
    // 2025/01/10/ held only a stale page's folder, and 2025/01/12/kort/ only a stale card.
    assert.deepEqual(await foldersBelow(root), [
      '.git',
      '2025',
      '2025/01',
      '2025/01/11',
      '2025/01/11/beholdt',
      '2025/01/12',
      '2025/01/12/ny',
      '_astro',
    ]);
    assert.equal(removeStaleFiles(root, since, kept), 0, 'a second pass finds nothing more');
  });

  it('removes a stale symbolic link as a file, and nothing that a link leads to', async () => {
    const root = await temporaryFolder('in-place');
    const outside = await temporaryFolder('in-place-outside');
    await write(outside, ['gammel/side.html', 'ny/side.html']);
    symlinkSync(join(outside, 'gammel'), join(root, 'gammel-lenke'));
    await sleep(50);
    const since = Date.now();
    await sleep(50);
    await write(root, ['2025/index.html']);
    symlinkSync(join(outside, 'ny'), join(root, '2025/ny-lenke'));

    assert.equal(removeStaleFiles(root, since, new Set()), 1, 'the stale link');
    assert.deepEqual(await filesBelow(outside), ['gammel/side.html', 'ny/side.html']);
    assert.ok(!existsSync(join(root, 'gammel-lenke')));
    assert.deepEqual(await foldersBelow(root), ['2025']);
  });

  it('leaves the output folder itself when nothing in it is kept, and removes a folder that was empty already', async () => {
    const root = await temporaryFolder('in-place');
    await write(root, ['2025/01/10/slettet/index.html', 'rss.xml']);
    await mkdir(join(root, 'tom'));
    await sleep(50);
    const since = Date.now();

    assert.equal(removeStaleFiles(root, since, new Set()), 2);
    assert.ok(existsSync(root));
    assert.deepEqual(await foldersBelow(root), []);
  });
});

describe('inPlaceOutput, when Astro is done', () => {
  it('leaves the files another integration puts right, such as the last build’s cards, and removes the rest', async () => {
    const root = await temporaryFolder('in-place-integration');
    await write(root, ['2025/01/12/kort/index.html', '2025/01/12/kort/card.png', '2025/01/10/slettet/card.png']);
    const integration = inPlaceOutput({ putRight: ['/2025/01/12/kort/card.png'] });
    const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
    const dir = pathToFileURL(`${root}/`);
    hooks['astro:config:done']!({ config: { outDir: dir } });
    await sleep(50);
    await hooks['astro:build:start']!({});
    const page = pathToFileURL(join(root, '2025/01/12/kort/index.html'));
    await hooks['astro:build:done']!({ dir, assets: new Map([['/[...slug]', [page]]]), logger: { info: () => {} } });
    assert.deepEqual(await filesBelow(root), ['2025/01/12/kort/card.png', '2025/01/12/kort/index.html']);
  });
});

describe('inPlaceOutput, while npm run build copies the earlier site into the output', () => {
  /** Whether `promise` is still pending after a while. */
  const stillWaiting = (promise: Promise<unknown>) =>
    Promise.race([promise.then(() => false), sleep(100).then(() => true)]);

  it('starts the build only once the copying process has removed its marker', async () => {
    const root = await temporaryFolder('in-place-copying');
    const hooks = inPlaceOutput().hooks as Record<string, (options: unknown) => Promise<void> | void>;
    // Astro gives the output as a folder's URL, with a slash at its end; the marker is beside the folder.
    hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${root}/`) } });
    await writeFile(earlierSiteCopyMarker(root), String(process.pid));
    const started = Promise.resolve(hooks['astro:build:start']!({}));
    assert.equal(await stillWaiting(started), true);
    await rm(earlierSiteCopyMarker(root));
    await started;
  });
  it('does not wait without a marker, nor for a process that has ended', async () => {
    const root = await temporaryFolder('in-place-copying-ended');
    await untilEarlierSiteCopied(root);
    const ended = spawnSync(process.execPath, ['--eval', '']).pid;
    await writeFile(earlierSiteCopyMarker(root), String(ended));
    assert.equal(await stillWaiting(untilEarlierSiteCopied(root)), false);
  });
});

/** The integration's hooks for the output folder `output`, and what Astro hands its last hook when it kept nothing. */
function integrationFor(output: string) {
  const hooks = inPlaceOutput().hooks as Record<string, (options: unknown) => Promise<void> | void>;
  const dir = pathToFileURL(`${output}/`);
  hooks['astro:config:done']!({ config: { outDir: dir } });
  return { hooks, done: { dir, assets: new Map(), logger: { info: () => {} } } };
}

describe('inPlaceOutput, telling npm run build that the pages are written', () => {
  it('removes the marker of the npm run build that started it once the stale files are gone, and writes none itself', async () => {
    const root = await temporaryFolder('in-place-pending');
    const output = join(root, 'dist.next');
    await write(output, ['2025/01/10/slettet/index.html']);
    const { hooks, done } = integrationFor(output);
    // Astro's parent process is the npm run build that started it.
    await writeFile(pagesPendingMarker(output), String(process.ppid));
    await sleep(50);
    await hooks['astro:build:start']!({});
    await hooks['astro:build:done']!(done);
    assert.deepEqual(await filesBelow(root), []);
    // Built by Astro alone, with no npm run build waiting, there is no marker to remove, and none is left.
    await hooks['astro:build:done']!(done);
    assert.deepEqual(await filesBelow(root), []);
  });
  it('stops a build that another npm run build’s marker names, and leaves the marker', async () => {
    const root = await temporaryFolder('in-place-other-build');
    const output = join(root, 'dist.next');
    await mkdir(output);
    const { hooks, done } = integrationFor(output);
    await writeFile(pagesPendingMarker(output), String(process.pid));
    await assert.rejects(Promise.resolve(hooks['astro:build:start']!({})), /another npm run build/);
    await hooks['astro:build:done']!(done);
    assert.deepEqual(await filesBelow(root), ['dist.next.pages-pending']);
  });
});

describe('inPlaceOutput, starting right after the copy of the earlier site', () => {
  it('counts the files copied just before the build started as the earlier build’s, however coarse the clock', async () => {
    const earlierSite = await temporaryFolder('in-place-earlier-site');
    await write(earlierSite, ['2025/01/10/slettet/index.html']);
    for (let round = 0; round < 20; round++) {
      const output = await temporaryFolder('in-place-coarse-clock');
      const { hooks, done } = integrationFor(output);
      // As npm run build copies it: the file with its original's times, which sets its status-change time.
      mirrorFolder(earlierSite, output);
      await hooks['astro:build:start']!({});
      await hooks['astro:build:done']!(done);
      assert.deepEqual(await filesBelow(output), [], `round ${round}`);
    }
  });
});
