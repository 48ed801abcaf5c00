import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Tinypool from 'tinypool';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { cardCacheKey } from '../../src/social-cards/card-key.ts';
import type { CardInput } from '../../src/social-cards/render.ts';
import { processTree } from '../../scripts/bench/measure.ts';
import { SocialCardPool } from '../../src/social-cards/pool.ts';
import type { CardTask } from '../../src/social-cards/worker.ts';

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

  it('sends the cards asked for together in batches, shared out among the processes', async (t) => {
    const sent = t.mock.method(Tinypool.prototype, 'run');
    const pool = new SocialCardPool(await temporaryFolder('card-pool-batches'), { processes: 2, inFlight: 2 });
    const cards = Array.from({ length: 10 }, (_, index) => card(index));
    const paths = await Promise.all(cards.map((input) => pool.render(input)));
    await pool.close();
    assert.equal(new Set(paths).size, 10);
    assert.deepEqual(pool.counts, { rendered: 10, cached: 0 });
    const batches = sent.mock.calls.map((call) =>
      (call.arguments[0] as CardTask).inputs.map(({ headline }) => headline),
    );
    assert.deepEqual(batches.flat().sort(), cards.map(({ headline }) => headline).sort(), 'every card in one batch');
    assert.equal(batches.length, 4, 'a batch for each of two in flight in each of two processes');
  });

  it('fails only the card that fails, and names it', async () => {
    const pool = new SocialCardPool(await temporaryFolder('card-pool-error'));
    const broken = pool.render({ ...card(1), photoPath: join(import.meta.dirname, 'finnes-ikke.png') });
    await assert.rejects(broken, /The social card for "Syntetisk sak nummer 1" failed: .*ENOENT/s);
    await pool.render(card(2));
    await pool.close();
    assert.deepEqual(pool.counts, { rendered: 1, cached: 0 });
  });

  it('draws at a lower priority than Astro, in every thread of a card process', async (t) => {
    if (!existsSync('/proc/self/task')) return t.skip('threads are listed in /proc on Linux only');
    const pool = new SocialCardPool(await temporaryFolder('card-pool-priority'), { processes: 1 });
    const cards = Array.from({ length: 8 }, (_, index) => pool.render(card(index)));
    await cards[0];
    const statFields = async (path: string) => {
      const stat = await readFile(path, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    };
    const nice: number[] = [];
    for (const pid of processTree(process.pid).slice(1)) {
      // A card process of an earlier test may end while it is read.
      const threads = await readdir(`/proc/${pid}/task`).catch(() => []);
      for (const thread of threads) {
        const [niceness] = (await statFields(`/proc/${pid}/task/${thread}/stat`).catch(() => [])).slice(16);
        if (niceness !== undefined) nice.push(Number(niceness));
      }
    }
    await Promise.all(cards);
    await pool.close();
    assert.ok(nice.length > 1);
    assert.deepEqual(new Set(nice), new Set([os.constants.priority.PRIORITY_BELOW_NORMAL]));
  });
});
