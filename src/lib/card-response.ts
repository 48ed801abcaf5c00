import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatLongDate } from './dates.ts';
import { SITE_NAME } from './site.ts';
import { cachedCardFile, type CardInput } from './social-card.ts';
import type { SocialCardPool } from './social-card-pool.ts';

/** Cards outlive a build here, so that a rebuild renders only the cards whose article changed. */
export const CARD_CACHE_DIR = resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'social-cards');

/**
 * Where `astro build` keeps its card pool (see the social-cards integration).
 * The integration and the routes are loaded apart, by Astro's config loader
 * and by its build, so the one place both see is the global object.
 */
export const CARD_POOL = Symbol.for('nyhetsleser.social-card-pool');

/** The front page's card, for links to the site itself. */
export const SITE_CARD: CardInput = { headline: 'Nyheter fra NTB, siste først', siteName: SITE_NAME };

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

export async function socialCardResponse(input: CardInput): Promise<Response> {
  const pool = (globalThis as { [CARD_POOL]?: SocialCardPool })[CARD_POOL];
  const path = pool ? await pool.render(input, { waiting: true }) : (await cachedCardFile(input, CARD_CACHE_DIR)).path;
  return new Response(new Uint8Array(await readFile(path)), { headers: { 'Content-Type': 'image/png' } });
}
