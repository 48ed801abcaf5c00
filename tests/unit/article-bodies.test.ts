import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keepBody, readBody, removeUnusedBodies } from '../../src/content/article-bodies.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';

/** Synthetic bodies, as the article pipeline renders them. */
const BODY = {
  html: '<h2 id="bakgrunn">Bakgrunn</h2><p>Syntetisk «tekst» – æøå.</p>',
  headings: [{ depth: 2, slug: 'bakgrunn', text: 'Bakgrunn' }],
};

describe('keepBody and readBody', () => {
  it('keep a body and its headings in one file, and read them back as they were', async () => {
    const dir = await temporaryFolder('bodies');
    const file = keepBody(dir, BODY);
    assert.deepEqual(readBody(file), BODY);
    assert.deepEqual(readdirSync(dir), [file.slice(dir.length + 1)], 'no file but the body’s');
  });

  it('name the file by all it holds: the same body is one file, other headings another', async () => {
    const dir = await temporaryFolder('bodies');
    assert.equal(keepBody(dir, { ...BODY }), keepBody(dir, BODY));
    const retitled = keepBody(dir, { ...BODY, headings: [{ depth: 2, slug: 'bakgrunn', text: 'Annen tekst' }] });
    assert.notEqual(retitled, keepBody(dir, BODY));
    assert.equal(readdirSync(dir).length, 2);
  });

  it('name a damaged file, to be removed, and a file another build removed', async () => {
    const dir = await temporaryFolder('bodies');
    const file = keepBody(dir, BODY);
    writeFileSync(file, '{"html": "<p>avbrutt');
    const damaged = 'this article body is damaged in the cache: remove it, and build again, or restart astro dev';
    assert.throws(() => readBody(file), { message: `${file}: ${damaged}` });
    rmSync(file);
    const gone = 'this article body is gone from the cache: build again, or restart astro dev';
    assert.throws(() => readBody(file), { message: `${file}: ${gone}` });
  });
});

describe('removeUnusedBodies', () => {
  it('removes the files no article shows, and keeps those that one does', async () => {
    const dir = await temporaryFolder('bodies');
    const shown = keepBody(dir, BODY);
    keepBody(dir, { html: '<p>Gammel syntetisk tekst.</p>', headings: [] });
    assert.equal(removeUnusedBodies(dir, new Set([shown])), 1);
    assert.deepEqual(readdirSync(dir), [shown.slice(dir.length + 1)]);
    assert.equal(removeUnusedBodies(join(dir, 'borte'), new Set()), 0, 'a folder not there yet has none');
  });
});
