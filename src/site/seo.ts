import { machineDate } from '../content/dates.ts';
import { SITE_LANGUAGE, SITE_NAME } from './config.ts';

/**
 * Everything a shared link's preview is built from: the head metadata of
 * Open Graph, Twitter and search engines, and the article's JSON-LD. Layouts
 * print what this module returns and repeat none of it.
 */

export const OPEN_GRAPH_LOCALE = 'nb_NO';

export interface PreviewImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface PageSeo {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  url: string;
  image?: PreviewImage | undefined;
}

export interface ArticleSeo extends PageSeo {
  image: PreviewImage;
  published: Date;
  /** When the article last changed: its update, or its latest correction. */
  updated?: Date | undefined;
  corrections?: Array<{ date: Date; text: string }> | undefined;
  tags: string[];
  /** The agency the article comes from, e.g. NTB. */
  source: string;
  byline?: string | undefined;
  /** Absolute URLs of the lead photo in 16:9, 4:3 and 1:1, or of the social card where there is no photo. */
  structuredDataImages: string[];
  /** The absolute URL of the front page. */
  homeUrl: string;
}

/** One `<meta>` element: Open Graph uses `property`, everything else `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** About as much of a description as search engines and link previews show. */
export const DESCRIPTION_LENGTH = 160;

/**
 * A description for metadata and feeds: the text whole when it fits, or cut
 * at the last word boundary that leaves room for an ellipsis. The page
 * itself keeps the whole lede.
 */
export function summarize(text: string, maxLength = DESCRIPTION_LENGTH): string {
  const folded = text.replace(/[^\S\u00A0]+/g, ' ').trim();
  // Whole characters as a reader sees them, so that no emoji or accented letter is cut in two.
  // A character is at least one code unit, and only as many as can be kept are counted.
  if (folded.length <= maxLength) return folded;
  const characters: string[] = [];
  for (const { segment } of graphemes.segment(folded)) if (characters.push(segment) > maxLength) break;
  if (characters.length <= maxLength) return folded;
  const cut = characters.slice(0, maxLength);
  const boundary = cut.lastIndexOf(' ');
  const kept = (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, maxLength - 1)).join('');
  return `${kept.replace(/[\s,;:.–-]+$/, '')}…`;
}

const graphemes = new Intl.Segmenter('nb', { granularity: 'grapheme' });

/** The agencies whose names we know the home pages of, for structured data. */
const AGENCY_URLS: Record<string, string> = { NTB: 'https://www.ntb.no/' };

function imageTags(image: PreviewImage | undefined): MetaTag[] {
  if (!image) return [];
  return [
    { property: 'og:image', content: image.url },
    { property: 'og:image:width', content: String(image.width) },
    { property: 'og:image:height', content: String(image.height) },
    { property: 'og:image:alt', content: image.alt },
    { name: 'twitter:image:alt', content: image.alt },
  ];
}

function commonTags(page: PageSeo, type: 'website' | 'article'): MetaTag[] {
  return [
    { name: 'description', content: page.description },
    { name: 'robots', content: 'max-image-preview:large' },
    { property: 'og:type', content: type },
    { property: 'og:site_name', content: SITE_NAME },
    { property: 'og:locale', content: OPEN_GRAPH_LOCALE },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: page.url },
    ...imageTags(page.image),
    { name: 'twitter:card', content: page.image ? 'summary_large_image' : 'summary' },
  ];
}

/** Head metadata for a page that is not an article: the front page, archives. */
export function pageMetaTags(page: PageSeo): MetaTag[] {
  return commonTags(page, 'website');
}

/** Head metadata for an article, with its times in ISO 8601 and the Oslo offset. */
export function articleMetaTags(article: ArticleSeo): MetaTag[] {
  const [section] = article.tags;
  return [
    ...commonTags(article, 'article'),
    { property: 'article:published_time', content: machineDate(article.published) },
    { property: 'article:modified_time', content: machineDate(article.updated ?? article.published) },
    ...(section ? [{ property: 'article:section', content: section }] : []),
    ...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
  ];
}

function organization(name: string) {
  const url = AGENCY_URLS[name];
  return { '@type': 'Organization', name, ...(url && { url }) };
}

/** schema.org NewsArticle, as Google's article structured data asks for it. */
export function newsArticleJsonLd(article: ArticleSeo): Record<string, unknown> {
  const authors = article.byline
    ? article.byline
        .split(/\s*(?:,|\bog\b)\s*/)
        .filter(Boolean)
        .map((name) => ({ '@type': 'Person', name }))
    : [organization(article.source)];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    image: article.structuredDataImages,
    datePublished: machineDate(article.published),
    dateModified: machineDate(article.updated ?? article.published),
    ...(article.corrections?.length && {
      correction: article.corrections.map(({ date, text }) => ({
        '@type': 'CorrectionComment',
        text,
        datePublished: machineDate(date),
      })),
    }),
    author: authors,
    publisher: organization(article.source),
    inLanguage: SITE_LANGUAGE,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    isAccessibleForFree: true,
    isPartOf: { '@type': 'WebSite', name: SITE_NAME, url: article.homeUrl },
  };
}

/**
 * JSON for a `<script type="application/ld+json">`. `<`, `>` and `&` are
 * escaped so that no text, however hostile, can close the script element,
 * and the two line separators JavaScript once refused are escaped as well.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
