import assert from 'node:assert/strict';
import { link, mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { SearchVolumeRecords } from '../../src/site/search-index.ts';
import { astroRecord, lastPublished, mirrorFolder, notePublished } from '../../scripts/earlier-output.ts';
import { filesBelow, temporaryFolder } from '../helpers/import-cli.ts';

/** Writes synthetic files below `root`: path → text. */
async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

describe('mirrorFolder, bringing the site before the last up to the last', () => {
  it('copies what differs, removes what is gone, leaves the cards as they are, and leaves alike files alone', async () => {
    const published = await temporaryFolder('published');
    const earlier = await temporaryFolder('earlier');
    await write(earlier, {
      'uendret/index.html': 'samme',
      'uendret/card.png': 'syntetisk gammelt kort',
      'endret/index.html': 'gammel',
      'slettet/index.html': 'borte',
      'slettet/card.png': 'syntetisk kort til en slettet sak',
    });
    await write(published, {
      'uendret/index.html': 'samme',
      'uendret/card.png': 'syntetisk nytt kort',
      'endret/index.html': 'ny tekst',
      'ny/index.html': 'ny',
      'ny/card.png': 'syntetisk kort til en ny sak',
    });
    // The unchanged page was copied by the last mirror, with its time.
    const { mtime } = await stat(join(published, 'uendret/index.html'));
    await utimes(join(earlier, 'uendret/index.html'), mtime, mtime);
    const unchanged = (await stat(join(earlier, 'uendret/index.html'))).ino;

    const isCard = (path: string) => path.endsWith('card.png');
    assert.equal(mirrorFolder(published, earlier, isCard), 2);
    // The card integration replaces the cards that differ, and the build removes those of no article.
    assert.deepEqual(await filesBelow(earlier), [
      'endret/index.html',
      'ny/index.html',
      'slettet/card.png',
      'uendret/card.png',
      'uendret/index.html',
    ]);
    assert.equal(await readFile(join(earlier, 'endret/index.html'), 'utf8'), 'ny tekst');
    assert.equal(await readFile(join(earlier, 'uendret/card.png'), 'utf8'), 'syntetisk gammelt kort');
    assert.equal((await stat(join(earlier, 'uendret/index.html'))).ino, unchanged, 'the alike file is not copied');
    assert.equal(
      mirrorFolder(published, earlier, isCard),
      0,
      'copies keep their time, so a second mirror copies nothing',
    );
  });

  it('makes the folder, the first time, a copy of the site with the same times', async () => {
    const published = await temporaryFolder('published-first');
    await write(published, { 'sak/index.html': 'side', 'pagefind/pagefind.js': 'indeks' });
    const first = join(await temporaryFolder('first'), 'ny');
    assert.equal(
      mirrorFolder(published, first, (path) => path.startsWith('pagefind/')),
      1,
    );
    assert.deepEqual(await filesBelow(first), ['sak/index.html']);
    assert.equal(
      mirrorFolder(published, first, (path) => path.startsWith('pagefind/')),
      0,
    );
  });

  it('never writes through a hard link, which the published site may share', async () => {
    const published = await temporaryFolder('published-link');
    const earlier = await temporaryFolder('earlier-link');
    const cards = await temporaryFolder('cards');
    await write(cards, { 'kort.png': 'kortet som er publisert' });
    await mkdir(join(earlier, 'sak'));
    await link(join(cards, 'kort.png'), join(earlier, 'sak/card.png'));
    await write(published, { 'sak/card.png': 'et nytt kort, lengre enn det gamle' });

    mirrorFolder(published, earlier);
    assert.equal(await readFile(join(earlier, 'sak/card.png'), 'utf8'), 'et nytt kort, lengre enn det gamle');
    assert.equal(await readFile(join(cards, 'kort.png'), 'utf8'), 'kortet som er publisert');
  });
});

describe('lastPublished, what was noted of the published site, while Astro’s record of the last build describes it', () => {
  it('holds after a publish, and not once another build has used the cache or swapped in its own site', async () => {
    const cache = await temporaryFolder('cache');
    const published = await temporaryFolder('dist');
    const record = join(cache, 'incremental-build.json');
    const volumes = {
      '2025': { code: 'syntetisk', pages: [['2025/01/10/en/index.html', 120, 1.5]], indexed: 1 },
    } satisfies SearchVolumeRecords;
    await writeFile(record, '{"syntetisk":1}');
    assert.equal(await lastPublished(cache, published), undefined, 'nothing noted yet');

    await notePublished(cache, published, await astroRecord(cache), volumes);
    assert.deepEqual(await lastPublished(cache, published), { searchVolumes: volumes });
    assert.equal(await lastPublished(cache, await temporaryFolder('forhandsvisning')), undefined, 'another output');

    // A build with another cache swaps another folder in at the same path.
    const other = await temporaryFolder('dist-other');
    await rm(published, { recursive: true });
    await rename(other, published);
    assert.equal(await lastPublished(cache, published), undefined, 'another folder at the same path');

    await notePublished(cache, published, await astroRecord(cache), volumes);
    // Another build, of another output or one that failed, rewrites Astro's record.
    await writeFile(record, '{"syntetisk":22}');
    assert.equal(await lastPublished(cache, published), undefined, 'Astro’s record rewritten');

    await writeFile(join(cache, 'nyhetsleser-published.json'), '{"output":');
    assert.equal(await lastPublished(cache, published), undefined, 'a note cut short is no note');
  });
});
