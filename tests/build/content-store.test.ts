import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ARTICLE_BODIES_DIR, readBody } from '../../src/content/article-bodies.ts';
import { BUILDS, buildCacheDir } from '../helpers/builds.ts';

/**
 * Astro writes its content store again at every build and bundles it into the
 * code that renders the pages (README, "Where the memory goes"). The store
 * must carry neither an article's markdown nor its rendered body and headings,
 * which the loader keeps in a file of its own.
 */

/** Every string in the store, which Astro writes as devalue's flattened JSON array. */
async function storeStrings(): Promise<string[]> {
  const store: unknown[] = JSON.parse(await readFile(join(buildCacheDir(BUILDS.site), 'data-store.json'), 'utf8'));
  return store.filter((value): value is string => typeof value === 'string');
}

describe('the content store', () => {
  it('holds neither the article’s markdown nor its rendered body and headings', async () => {
    const strings = await storeStrings();
    for (const text of ['## Stikk mot Vesten', 'Stikk mot Vesten</h2>', 'Stikk mot Vesten']) {
      assert.deepEqual(
        strings.filter((value) => value.includes(text)),
        [],
        text,
      );
    }
  });

  it('names the file of each article’s rendered body, which holds it', async () => {
    const bodiesDir = join(buildCacheDir(BUILDS.site), ARTICLE_BODIES_DIR);
    const files = (await storeStrings()).filter((value) => value.startsWith(bodiesDir));
    assert.deepEqual(files.sort(), (await readdir(bodiesDir)).map((name) => join(bodiesDir, name)).sort());
    const bodies = files.map(readBody);
    assert.equal(bodies.filter(({ html }) => html.includes('Stikk mot Vesten</h2>')).length, 1, 'the seed’s body');
    const seedHeadings = bodies.flatMap(({ headings }) => headings).filter(({ text }) => text === 'Stikk mot Vesten');
    assert.equal(seedHeadings.length, 1, 'and the heading its table of contents shows');
  });
});
