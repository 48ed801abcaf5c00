import { calendarParts } from './dates.ts';
import { slugify } from '../markdown/slug.ts';

/** A type, not an interface, so that Astro accepts it as route params. */
export type PermalinkParts = {
  year: string;
  month: string;
  day: string;
  slug: string;
};

/**
 * The permalink parts of an article: its Oslo publication date and its slug.
 * The slug comes from the `slug` field or else the file name, never the
 * headline, so that editing a headline does not move the page.
 */
export function permalinkParts(
  article: { published: Date; slug?: string | undefined },
  fileName: string,
): PermalinkParts {
  const slug = article.slug ?? slugify(fileName.replace(/\.md$/i, ''));
  return { ...calendarParts(article.published), slug };
}

/** `/2025/09/02/putin-kalte-xi-for-en-naer-venn/`, relative to the site's base. */
export function permalinkPath({ year, month, day, slug }: PermalinkParts): string {
  return `/${year}/${month}/${day}/${slug}/`;
}

/** Puts a site path under the base: (`/2025/`, `/nyheter/`) → `/nyheter/2025/`. */
export function withBase(path: string, base: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a site path, for canonical links and feeds. */
export function absoluteUrl(path: string, site: string, base: string): string {
  return new URL(withBase(path, base), site).href;
}

/** A topic's URL segment, made like a permalink's slug. */
export function topicSlug(tag: string): string {
  return slugify(tag);
}

/** `/emne/okonomi/` */
export function topicPath(tag: string): string {
  return `/emne/${topicSlug(tag)}/`;
}
