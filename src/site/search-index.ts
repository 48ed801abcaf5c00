import { join } from 'node:path';
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
 * Indexes a built site's articles with Pagefind, in Norwegian Bokmål (which it
 * stems), into `pagefind/` beside the pages. Only what an article marks with
 * `data-pagefind-body` is indexed: its headline and body, not the navigation.
 * Returns how many pages it indexed. `npm run build` calls it once Astro has
 * exited: Pagefind holds the whole index in memory, and beside Astro's
 * process it would double the build's peak.
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
