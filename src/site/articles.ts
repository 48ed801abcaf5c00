import { basename } from 'node:path';
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { calendarOf, type Topic, topicsOf } from './archive.ts';
import { readBody } from '../content/article-bodies.ts';
import { type PermalinkParts, permalinkParts, permalinkPath, withBase } from '../content/permalink.ts';
import { pageKey } from './page-keys.ts';
import siteConfig from 'virtual:nyhetsleser/site-config';

/**
 * Astro-side access to the articles collection; everything here needs
 * `astro:content`. The sorted list, the calendar and the topics are worked
 * out once per build and shared by every page, not once per page.
 */

export type Article = CollectionEntry<'articles'>;

export const ARTICLES_PER_PAGE = siteConfig.articlesPerPage;

/** A site path under the base: `/emne/` → `/nyheter/emne/`. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

export function articlePermalinkParts(article: Article): PermalinkParts {
  return permalinkParts(article.data, basename(article.filePath ?? article.id));
}

/** The article's URL path, under the site's base. */
export function articleHref(article: Article): string {
  return href(permalinkPath(articlePermalinkParts(article)));
}

let newestFirst: Promise<Article[]> | undefined;

/**
 * Every article, newest first; articles published at the same moment fall
 * back to their headline order. The list is shared: do not change it.
 */
export function getArticlesNewestFirst(): Promise<readonly Article[]> {
  newestFirst ??= getCollection('articles').then((articles) =>
    articles.sort(
      (a, b) =>
        b.data.published.getTime() - a.data.published.getTime() || a.data.title.localeCompare(b.data.title, 'nb'),
    ),
  );
  return newestFirst;
}

let calendar: Promise<Map<string, Map<string, Map<string, Article[]>>>> | undefined;

/** year → month → day → articles, newest first. */
export function getCalendar() {
  calendar ??= getArticlesNewestFirst().then((articles) => calendarOf(articles, (article) => article.data.published));
  return calendar;
}

let topics: Promise<Array<Topic<Article>>> | undefined;

/** Every topic with its articles, newest first, in Norwegian alphabetical order. */
export function getTopics() {
  topics ??= getArticlesNewestFirst().then((articles) => topicsOf(articles, (article) => article.data.tags));
  return topics;
}

/**
 * What `render` from `astro:content` makes of the article, its body and
 * headings read from the file the loader keeps them in, apart from the content store
 * (src/content/article-bodies.ts); the body's photos are put in as Astro's
 * own rendering of a stored body puts them in.
 */
export async function renderArticle(article: Article) {
  const { rendered } = article;
  const bodyFile = rendered?.metadata?.bodyFile;
  if (!rendered || typeof bodyFile !== 'string') throw new Error(`${article.filePath}: the content store has no body`);
  const { html, headings } = readBody(bodyFile);
  // The store keeps no empty list of photos (src/content/loader.ts), where Astro's types ask for one.
  const metadata = { ...rendered.metadata, imagePaths: rendered.metadata?.imagePaths ?? [], headings };
  return render({ ...article, rendered: { html, metadata } });
}

/**
 * The lede: the frontmatter's, or the first paragraph the pipeline found, as
 * the store keeps it. Not by Astro's `render`, which a listing would call for
 * every article it lists; a page's key covers every article it lists.
 */
export function ledeOf(article: Article): string | undefined {
  const found = (article.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined)?.lede;
  return article.data.lede ?? (typeof found === 'string' ? found : undefined);
}

/** The key of a page that shows these articles, and `own` besides, for Astro's incremental build. */
export async function cacheKeyOf(articles: readonly Article[], ...own: unknown[]): Promise<string> {
  const [newestYear] = (await getCalendar()).keys();
  return pageKey({ site: import.meta.env.SITE, base: import.meta.env.BASE_URL, newestYear }, articles, ...own);
}
