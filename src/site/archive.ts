import { calendarParts } from '../content/dates.ts';
import { topicSlug } from '../content/permalink.ts';

/**
 * Listings of articles: pages of a front page or topic, the calendar of the
 * date archives, and topics. Pure functions, told how to read a date or tags
 * from an item, so that pages can share them and tests can run them without
 * a build.
 */

export interface ListingPage<T> {
  /**
   * 0 for the listing's own page, which shows the newest; 1, 2, … for its
   * later pages, numbered from the oldest, so that a page keeps its articles
   * as new ones are published.
   */
  number: number;
  /** Newest first. */
  items: T[];
  /** The numbers of the pages with the articles just newer and just older than these. */
  newer?: number;
  older?: number;
}

/**
 * Splits a listing, newest first, into its own page of the newest `perPage`
 * and later pages of `perPage` each, counted from the oldest. A later page is
 * made only when it has an article the listing's own page does not show, so
 * every later page is full. Publishing an article changes the listing's own
 * page, and only when the articles fill a new later page, that page and the
 * one before it: a bounded set, however long the listing.
 */
export function paginate<T>(items: readonly T[], perPage: number): Array<ListingPage<T>> {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a whole number of at least 1, not ${perPage}`);
  const later = Math.max(0, Math.ceil(items.length / perPage) - 1);
  const own: ListingPage<T> = { number: 0, items: items.slice(0, perPage), ...(later > 0 ? { older: later } : {}) };
  return [
    own,
    ...Array.from({ length: later }, (_, index) => {
      const number = index + 1;
      return {
        number,
        items: items.slice(items.length - number * perPage, items.length - index * perPage),
        newer: number === later ? 0 : number + 1,
        ...(number > 1 && { older: number - 1 }),
      };
    }),
  ];
}

/** The path of a listing's page: page 0 is the listing itself, the rest are under `side/N/`. */
export function listingPagePath(listingPath: string, page: number): string {
  return page === 0 ? listingPath : `${listingPath}side/${page}/`;
}

/** The paths of the pages before and after this one in its listing, where there are such pages. */
export function adjacentPagePaths(
  listingPath: string,
  { newer, older }: Pick<ListingPage<unknown>, 'newer' | 'older'>,
): { newer?: string; older?: string } {
  return {
    ...(newer !== undefined && { newer: listingPagePath(listingPath, newer) }),
    ...(older !== undefined && { older: listingPagePath(listingPath, older) }),
  };
}

/** The date archives: year → month → day → articles, each in the order given (newest first). */
export function calendarOf<T>(
  articles: readonly T[],
  dateOf: (article: T) => Date,
): Map<string, Map<string, Map<string, T[]>>> {
  const years = new Map<string, Map<string, Map<string, T[]>>>();
  for (const article of articles) {
    const { year, month, day } = calendarParts(dateOf(article));
    const months = years.get(year) ?? years.set(year, new Map()).get(year)!;
    const days = months.get(month) ?? months.set(month, new Map()).get(month)!;
    (days.get(day) ?? days.set(day, []).get(day)!).push(article);
  }
  return years;
}

export interface Topic<T> {
  /** ASCII, transliterated: "Økonomi" → `okonomi`. */
  slug: string;
  /** The spelling most articles use. */
  name: string;
  articles: T[];
}

/** Every topic, sorted by name in Norwegian order. Tags that spell the same slug are one topic. */
export function topicsOf<T>(articles: readonly T[], tagsOf: (article: T) => string[]): Array<Topic<T>> {
  const bySlug = new Map<string, { spellings: Map<string, number>; articles: T[] }>();
  for (const article of articles) {
    for (const tag of new Set(tagsOf(article))) {
      const slug = topicSlug(tag);
      if (!slug) continue;
      const topic = bySlug.get(slug) ?? bySlug.set(slug, { spellings: new Map(), articles: [] }).get(slug)!;
      topic.spellings.set(tag, (topic.spellings.get(tag) ?? 0) + 1);
      if (topic.articles.at(-1) !== article) topic.articles.push(article);
    }
  }
  return [...bySlug]
    .map(([slug, { spellings, articles }]) => ({
      slug,
      name: [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'))[0]![0],
      articles,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
