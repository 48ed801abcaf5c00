import { resolve } from 'node:path';
import { cachedCard, type CardInput } from './social-card.ts';

/** Cards outlive a build here, so that a rebuild renders only the cards whose article changed. */
const CARD_CACHE_DIR = resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'social-cards');

export async function socialCardResponse(input: CardInput): Promise<Response> {
  const { png } = await cachedCard(input, CARD_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
