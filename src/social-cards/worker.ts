import sharp from 'sharp';
import { type CardInput, cachedCardFile } from './render.ts';

/** The social card pool's task, run in its processes: renders a card into the card cache. */

// Every card is drawn once, so libvips' cache of recent operations would only hold memory.
sharp.cache(false);

export interface CardTask {
  input: CardInput;
  cacheDir: string;
}

export type CardTaskResult = Awaited<ReturnType<typeof cachedCardFile>>;

export default function renderCardTask({ input, cacheDir }: CardTask): Promise<CardTaskResult> {
  return cachedCardFile(input, cacheDir);
}
