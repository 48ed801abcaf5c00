import type { AstroIntegration } from 'astro';
import { CARD_CACHE_DIR, CARD_POOL } from '../lib/card-response.ts';
import type { CardInput } from '../lib/social-card.ts';
import { SocialCardPool } from '../lib/social-card-pool.ts';

/**
 * Starts rendering the social cards the moment `astro build` starts, in
 * processes beside Astro's, so that they are made while Astro loads the
 * content and renders the pages, and most are in the cache when Astro comes to
 * their routes. The routes stay the source of truth: a card not foreseen here
 * is rendered when its route asks for it.
 */
export default function socialCards({ cards }: { cards: CardInput[] }): AstroIntegration {
  let pool: SocialCardPool | undefined;
  return {
    name: 'nyhetsleser-social-cards',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        pool = new SocialCardPool(CARD_CACHE_DIR);
        (globalThis as { [CARD_POOL]?: SocialCardPool })[CARD_POOL] = pool;
        // A card that fails is reported by its route, which waits on the same promise and stops the build.
        for (const card of cards) pool.render(card).catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!pool) return;
        await pool.close();
        delete (globalThis as { [CARD_POOL]?: SocialCardPool })[CARD_POOL];
        logger.info(`${pool.counts.rendered} social cards rendered, ${pool.counts.cached} already in the cache`);
      },
    },
  };
}
