import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * The article pages, `yyyy/mm/dd/<slug>/` (see permalink.ts). The listings have
 * nothing marked for the index, and not reading them at all halves the time
 * Pagefind takes over a large archive.
 */
export const ARTICLE_PAGES = '[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html';

/** The search index's folder in the built site, which `/sok/` loads Pagefind from. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Set by `npm run build`, which writes the search index itself once Astro has
 * exited: Pagefind holds the whole index in memory, and beside Astro's process
 * it would double the build's peak.
 */
export const SEARCH_INDEX_AFTER_ASTRO = 'NYHETSLESER_SEARCH_INDEX_AFTER_ASTRO';

/**
 * Indexes a built site's articles with Pagefind, in Norwegian Bokmål (which it
 * stems), into `pagefind/` beside the pages. Only what an article marks with
 * `data-pagefind-body` is indexed: its headline and body, not the navigation.
 * Returns how many pages it indexed.
 */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, SEARCH_INDEX_DIR) });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Writes the search index when `astro build` is done, unless `npm run build` will write it after Astro. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'nyhetsleser-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        if (process.env[SEARCH_INDEX_AFTER_ASTRO] === '1') {
          // Made now, empty, so that the CDN files written next cover the folder.
          await mkdir(join(site, SEARCH_INDEX_DIR));
          logger.info('the search index is written once Astro has exited');
          return;
        }
        logger.info(`search index written for ${await writeSearchIndex(site)} pages`);
      },
    },
  };
}
