import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * The article pages, `yyyy/mm/dd/<slug>/` (see permalink.ts). The listings have
 * nothing marked for the index, and not reading them at all halves the time
 * Pagefind takes over a large archive.
 */
export const ARTICLE_PAGES = '[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html';

/**
 * Indexes the built articles with Pagefind, in Norwegian Bokmål (which it
 * stems), into `pagefind/` beside the pages. Only what an article marks with
 * `data-pagefind-body` is indexed: its headline and body, not the navigation.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'nyhetsleser-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGES });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`search index written for ${added.page_count} pages`);
        await pagefind.close();
      },
    },
  };
}
