import { existsSync, readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import sharp from 'sharp';
import { type CardInput, type CardResult, cachedCardFiles } from './render.ts';

/** The social card pool's process: its priority, and its task. */

// Every card is drawn once, so libvips' cache of recent operations would only hold memory.
sharp.cache(false);

/**
 * Cards are drawn beside Astro, whose one main thread is what a build waits
 * for: at a lower priority they take the core Astro leaves, and not Astro's.
 * Linux sets a priority per thread, so every thread the process has is set;
 * threads started later inherit it.
 */
const CARD_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL;
function yieldToAstro(): void {
  const threads = existsSync('/proc/self/task') ? readdirSync('/proc/self/task').map(Number) : [0];
  for (const thread of threads) {
    try {
      setPriority(thread, CARD_PRIORITY);
    } catch {
      // A thread that has ended, or a system that does not allow it: the card is drawn all the same.
    }
  }
}
yieldToAstro();

export interface CardTask {
  inputs: CardInput[];
  cacheDir: string;
}

/** Renders a batch of cards into the card cache. */
export default function renderCardTask({ inputs, cacheDir }: CardTask): Promise<CardResult[]> {
  return cachedCardFiles(inputs, cacheDir);
}
