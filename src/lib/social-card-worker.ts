import { parentPort } from 'node:worker_threads';
import { type CardInput, cachedCard } from './social-card.ts';

/** A thread of the social card pool: renders each card it is sent into the card cache. */

export interface CardJob {
  id: number;
  input: CardInput;
  cacheDir: string;
}

export type CardJobResult = { id: number; rendered: boolean } | { id: number; error: string };

parentPort?.on('message', async ({ id, input, cacheDir }: CardJob) => {
  let result: CardJobResult;
  try {
    result = { id, rendered: (await cachedCard(input, cacheDir)).rendered };
  } catch (error) {
    result = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(result);
});
