import type { ArticleFile } from './frontmatter.ts';
import { topicPath } from './permalink.ts';

/**
 * The pages the site makes, by their path from its root: what a link in a
 * body may lead to, and what no old permalink may take over.
 */

/** Pages every build makes, whatever the articles. */
const FIXED_PAGES = ['/', '/sok/', '/emne/', '/rss.xml', '/sitemap-index.xml', '/robots.txt', '/card.png'];

/** Later pages of a listing, which a build makes or not by how many articles there are. */
const LISTING_PAGE = /^\/(?:emne\/[^/]+\/)?side\/\d+\/$/;

/** Paths the site keeps for itself: its pages, listings, date archives and asset folders. */
export const RESERVED_PATH = /^\/(?:(?:sok|emne|side|_astro|pagefind)\/|404\/$|\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?$)/;

/** Every page the articles give the site: their own, their topics' and their days', months' and years'. */
export function sitePages(articles: Array<Pick<ArticleFile, 'frontmatter' | 'permalink'>>): Set<string> {
  const pages = new Set(FIXED_PAGES);
  for (const { permalink, frontmatter } of articles) {
    if (permalink) {
      pages.add(permalink);
      const [, year, month, day] = permalink.split('/');
      pages.add(`/${year}/`).add(`/${year}/${month}/`).add(`/${year}/${month}/${day}/`);
    }
    const { tags } = frontmatter;
    if (Array.isArray(tags)) for (const tag of tags) if (typeof tag === 'string') pages.add(topicPath(tag));
  }
  return pages;
}

export function isSitePage(path: string, pages: ReadonlySet<string>): boolean {
  return pages.has(path) || LISTING_PAGE.test(path);
}
