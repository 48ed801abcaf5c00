import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Tinypool from 'tinypool';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { cardCacheKey } from '../../src/social-cards/card-key.ts';
import type { CardInput } from '../../src/social-cards/render.ts';
import { SocialCardPool } from '../../src/social-cards/pool.ts';

/** Synthetic headlines: no news. */
const card = (number: number): CardInput => ({ headline: `Syntetisk sak nummer ${number}`, siteName: 'Nyhetsleser' });

describe('SocialCardPool', () => {
  it('renders each card once, into the cache, however often it is asked for', async () => {
    const cacheDir = await temporaryFolder('card-pool');
    const pool = new SocialCardPool(cacheDir);
    const cards = [1, 2, 3].map(card);
    const first = cards.map((input) => pool.render(input));
    const again = cards.map((input) => pool.render(input));
    assert.deepEqual(first, again, 'the same promise for the same card');
    const paths = await Promise.all(first);
    await pool.close();
    assert.deepEqual(pool.counts, { rendered: 3, cached: 0 });
    const keys = await Promise.all(cards.map(async (input) => `${await cardCacheKey(input)}.png`));
    assert.deepEqual(
      paths,
      keys.map((key) => join(cacheDir, key)),
    );
    assert.deepEqual((await readdir(cacheDir)).sort(), keys.sort());
  });

  it('takes cards from the cache on the next build', async () => {
    const cacheDir = await temporaryFolder('card-pool-warm');
    const cold = new SocialCardPool(cacheDir);
    await cold.render(card(1));
    await cold.close();
    const warm = new SocialCardPool(cacheDir);
    await Promise.all([warm.render(card(1)), warm.render(card(2))]);
    await warm.close();
    assert.deepEqual(warm.counts, { rendered: 1, cached: 1 });
  });

  it('finds a card in the cache without a card process, and starts none', async (t) => {
    const cacheDir = await temporaryFolder('card-pool-found');
    const cold = new SocialCardPool(cacheDir);
    const drawn = await cold.render(card(1));
    await cold.close();
    const sent = t.mock.method(Tinypool.prototype, 'run');
    // A card process shows as its pipes to this one.
    const processes = () =>
      process.getActiveResourcesInfo().filter((resource) => ['ProcessWrap', 'PipeWrap'].includes(resource)).length;
    const before = processes();
    const warm = new SocialCardPool(cacheDir);
    assert.equal(await warm.render(card(1)), drawn);
    assert.equal(processes(), before, 'no card process started');
    await warm.close();
    assert.equal(sent.mock.callCount(), 0);
    assert.deepEqual(warm.counts, { rendered: 0, cached: 1 });
  });

  it('fails only the card that fails, and names it', async () => {
    const pool = new SocialCardPool(await temporaryFolder('card-pool-error'));
    const broken = pool.render({ ...card(1), photoPath: join(import.meta.dirname, 'finnes-ikke.png') });
    await assert.rejects(broken, /The social card for "Syntetisk sak nummer 1" failed: .*ENOENT/s);
    await pool.render(card(2));
    await pool.close();
    assert.deepEqual(pool.counts, { rendered: 1, cached: 0 });
  });
});
