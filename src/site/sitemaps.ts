import type { ArticleFile } from '../content/frontmatter.ts';
import { machineDate } from '../content/dates.ts';
import { lastChanged } from '../content/schema.ts';

/**
 * What the sitemaps say of the articles: when each was last changed, and
 * which are recent enough for a news search engine's sitemap.
 */

/** How far back a news sitemap reaches, and how many articles it may list (Google News' own limits). */
export const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;
export const NEWS_LIMIT = 1000;

/** Each article's permalink and when it last changed: its update or latest correction, or its publication. */
export function lastModifiedByPermalink(articles: ArticleFile[]): Map<string, string> {
  return new Map(
    articles.flatMap(({ data, permalink }) =>
      data && permalink ? [[permalink, machineDate(lastChanged(data))] as const] : [],
    ),
  );
}

/** Text for XML: the five characters XML gives a meaning, escaped. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
