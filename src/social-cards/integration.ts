import { copyFileSync, linkSync, lstatSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { virtualModule } from '../site/virtual-module.ts';
import type { SiteCard } from './cards.ts';
import { ContentError } from '../content/problems.ts';
import { pruneCardCache } from './render.ts';
import { SocialCardPool } from './pool.ts';

/** The card cache folder, for the dev routes; card-cache.d.ts gives its type. */
const CARD_CACHE_MODULE = 'virtual:nyhetsleser/card-cache';

/** Where a hard link cannot be made, and a copy is. */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

/**
 * A card from the cache, put into the site. A cached card is never written in
 * place (the cache writes a new file and renames it over), so a hard link is
 * safe and writes nothing; a copy where the cache is on another disk. The
 * output is built over the last (src/site/in-place-output.ts), and a card that
 * is already a link to its file in the cache is left, so that a publish does
 * not unlink and link again every card it did not change (README, benchmarks).
 * Synchronous: ten thousand links, each a promise, took Astro's main thread
 * three to six times as long.
 */
function placeCard(cached: string, target: string): void {
  const present = lstatSync(target, { throwIfNoEntry: false });
  const file = statSync(cached);
  if (present && present.ino === file.ino && present.dev === file.dev) return;
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch (error) {
    if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(cached, target);
  }
}

/**
 * The social cards. `astro build` starts rendering every card the moment it
 * starts, in processes beside Astro's, so that they are made while Astro loads
 * the content and renders the pages; once the pages are written it puts each
 * card beside its page. No route passes the cards through Astro: at 10,000
 * articles that read, copied and wrote half a gigabyte of PNG on Astro's main
 * thread. `astro dev` has routes instead, which draw a card when it is asked for.
 */
export default function socialCards({ cards }: { cards: SiteCard[] }): AstroIntegration {
  let pool: SocialCardPool | undefined;
  let cacheDir: string;
  return {
    name: 'nyhetsleser-social-cards',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute, updateConfig }) => {
        // Inside Astro's cache, so that cards outlive a build with it: a rebuild renders only the cards whose
        // article changed.
        cacheDir = fileURLToPath(new URL('social-cards/', config.cacheDir));
        if (command === 'dev') {
          const route = (name: string) => fileURLToPath(new URL(`./routes/${name}.ts`, import.meta.url));
          injectRoute({ pattern: '/card.png', entrypoint: route('site-card') });
          injectRoute({ pattern: '/[year]/[month]/[day]/[slug]/card.png', entrypoint: route('article-card') });
          updateConfig({ vite: { plugins: [virtualModule(CARD_CACHE_MODULE, cacheDir)] } });
        }
        if (command !== 'build') return;
        pool = new SocialCardPool(cacheDir);
        // A card that fails is reported when it is put in place, which stops the build.
        for (const card of cards) pool.render(card.input).catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pool) return;
        const cardPool = pool;
        const outDir = fileURLToPath(dir);
        const placed = new Set<string>();
        try {
          for (const card of cards) {
            const cached = await cardPool.render(card.input).catch((error: Error) => {
              // A photo whose first bytes are right can still be cut short: the card is where it shows.
              const field = card.input.photoPath ? 'photo.src' : 'title';
              const reason = error.message.split('\n')[0] ?? '';
              throw new ContentError([
                { file: card.file ?? card.path, field, message: `could not be drawn on the social card: ${reason}` },
              ]);
            });
            placed.add(cached);
            try {
              placeCard(cached, join(outDir, card.path));
            } catch (error) {
              throw new Error(
                `The social card ${card.path} could not be put beside its page: ${(error as Error).message}`,
              );
            }
          }
        } finally {
          await cardPool.close();
        }
        const pruned = await pruneCardCache(cacheDir, placed);
        logger.info(
          `${cardPool.counts.rendered} social cards rendered, ${cardPool.counts.cached} already in the cache, ` +
            `${pruned} unused ones removed from it`,
        );
      },
    },
  };
}
