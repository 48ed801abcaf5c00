import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CardInput } from './render.ts';

/**
 * Where a card is kept in the card cache: a hash of everything on it. Apart
 * from the renderer, so that a build finds a card already drawn without
 * loading the renderer or asking a card process.
 */

/** Bump when the design in render.ts changes, so that cached cards are drawn again. */
const DESIGN_VERSION = 3;

/** A hash of everything that shows on the card, the photo's bytes included. */
export async function cardCacheKey(input: CardInput): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, ...input, photoPath: undefined }));
  if (input.photoPath) hash.update(await readFile(input.photoPath));
  return hash.digest('hex').slice(0, 32);
}

/**
 * The card's file in the cache, and whether it is there: looked for synchronously, since a build asks for
 * every card at once, and ten thousand promises of the thread pool cost more than the lookups.
 */
export async function cardCacheFile(input: CardInput, cacheDir: string): Promise<{ path: string; cached: boolean }> {
  const path = join(cacheDir, `${await cardCacheKey(input)}.png`);
  return { path, cached: existsSync(path) };
}
