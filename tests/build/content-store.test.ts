import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILDS, buildCacheDir } from '../helpers/builds.ts';

/**
 * Astro bundles its content store into the code that renders the pages, and
 * that is the build's memory peak (README, "Where the memory goes"). The store
 * must carry each article rendered, and not its markdown as well.
 */

/** Every string in the store, which Astro writes as devalue's flattened JSON array. */
async function storeStrings(): Promise<string[]> {
  const store: unknown[] = JSON.parse(await readFile(join(buildCacheDir(BUILDS.site), 'data-store.json'), 'utf8'));
  return store.filter((value): value is string => typeof value === 'string');
}

describe('the content store', () => {
  it('holds the article rendered, without its markdown', async () => {
    const strings = await storeStrings();
    const rendered = strings.filter((value) => value.includes('Stikk mot Vesten</h2>'));
    assert.equal(rendered.length, 1, 'the rendered article');
    assert.deepEqual(
      strings.filter((value) => value.includes('## Stikk mot Vesten')),
      [],
      'the markdown of the article',
    );
  });
});
