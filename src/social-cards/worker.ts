import sharp from 'sharp';
import { type CardInput, cachedCardFile } from './render.ts';

/** The social card pool's process: renders each card it is sent into the card cache. */

// Every card is drawn once, so libvips' cache of recent operations would only hold memory.
sharp.cache(false);

export interface CardJob {
  id: number;
  input: CardInput;
  cacheDir: string;
}

export type CardJobResult = { id: number; path: string; rendered: boolean } | { id: number; error: string };

// A build that is stopped leaves no card process behind.
process.on('disconnect', () => process.exit());

process.on('message', async ({ id, input, cacheDir }: CardJob) => {
  let result: CardJobResult;
  try {
    result = { id, ...(await cachedCardFile(input, cacheDir)) };
  } catch (error) {
    result = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send?.(result);
});
