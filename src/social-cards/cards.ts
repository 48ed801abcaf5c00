import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ArticleFile } from '../content/frontmatter.ts';
import { formatLongDate } from '../content/dates.ts';
import { SITE_NAME } from '../site/config.ts';
import { cardPath } from './card-path.ts';
import { cachedCardFile, type CardInput } from './render.ts';

/**
 * The site's social cards: which there are, where each is served, what is on
 * it, and how `astro dev` serves one. Drawing them is render.ts's job.
 */

/** The front page's card, for links to the site itself. */
export const FRONT_PAGE_CARD: CardInput = { headline: 'Nyheter fra NTB, siste først', siteName: SITE_NAME };

/** An article's card: its headline, over its photo when it has one. */
export function articleCard(
  article: { title: string; published: Date; source: string },
  photoPath: string | undefined,
): CardInput {
  return {
    headline: article.title,
    siteName: SITE_NAME,
    footer: `${formatLongDate(article.published)} · ${article.source}`,
    photoPath,
  };
}

/** A card and where the site serves it: `/2025/09/02/<slug>/card.png`. */
export interface SiteCard {
  path: string;
  input: CardInput;
  /** The article the card is drawn for, to name when it cannot be. */
  file?: string;
}

/** Every card the site has: its own, and one for each article with valid frontmatter. */
export function siteCards(articles: ArticleFile[]): SiteCard[] {
  return [
    { path: cardPath('/'), input: FRONT_PAGE_CARD },
    ...articles.flatMap(({ file, data, permalink }) =>
      data && permalink
        ? [
            {
              path: cardPath(permalink),
              input: articleCard(data, data.photo?.src && resolve(dirname(file), data.photo.src)),
              file,
            },
          ]
        : [],
    ),
  ];
}

/** A card for `astro dev`, which draws it when it is asked for; a build puts every card in place itself. */
export async function socialCardResponse(input: CardInput, cacheDir: string): Promise<Response> {
  const { path } = await cachedCardFile(input, cacheDir);
  return new Response(new Uint8Array(await readFile(path)), { headers: { 'Content-Type': 'image/png' } });
}
