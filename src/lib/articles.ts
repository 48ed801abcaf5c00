import { basename } from 'node:path';
import { type CollectionEntry, getCollection } from 'astro:content';
import { type PermalinkParts, permalinkParts, permalinkPath, withBase } from './permalink.ts';

/** Astro-side access to the articles collection; everything here needs `astro:content`. */

export type Article = CollectionEntry<'articles'>;

export function articlePermalinkParts(article: Article): PermalinkParts {
  return permalinkParts(article.data, basename(article.filePath ?? article.id));
}

/** The article's URL path, under the site's base. */
export function articleHref(article: Article): string {
  return withBase(permalinkPath(articlePermalinkParts(article)), import.meta.env.BASE_URL);
}

/** Every article, newest first; articles published at the same moment fall back to their headline order. */
export async function getArticlesNewestFirst(): Promise<Article[]> {
  const articles = await getCollection('articles');
  return articles.sort(
    (a, b) => b.data.published.getTime() - a.data.published.getTime() || a.data.title.localeCompare(b.data.title, 'nb'),
  );
}
