import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { cardCacheFile } from './card-key.ts';
import type { CardInput, CardResult } from './render.ts';
import type { CardTask } from './worker.ts';

/** The most cards sent to a card process in one message: about half a second of drawing. */
const MOST_IN_A_BATCH = 48;

/**
 * Renders social cards into the card cache in processes of their own, so that
 * they are drawn beside Astro's page rendering. A process (tinypool's
 * child_process runtime), not a worker thread: takumi draws and sharp crops on
 * libuv's thread pool, which a process shares with all its threads, and
 * Astro's file reads would queue behind the cards. The cards asked for
 * together go in batches: a process that had to wait for Astro's busy main
 * thread to hand it each card sat idle for half of a cold build. A card
 * already in the cache is found here, without a message to a process: at
 * 10,000 articles, ten thousand round trips to the card processes slowed
 * Astro's own work by seconds. A card is rendered once however often it is
 * asked for. A process that stops fails the cards it held, and tinypool
 * starts another for the rest.
 */
export class SocialCardPool {
  /** Cards this pool rendered, and cards it found already in the cache. */
  readonly counts = { rendered: 0, cached: 0 };
  readonly #cacheDir: string;
  readonly #pool: Tinypool;
  readonly #batchesAtOnce: number;
  /** Each card's file in the cache, by the card's input. */
  readonly #cards = new Map<string, Promise<string>>();
  /** Cards to draw, not yet sent to a process. */
  #waiting: { input: CardInput; drawn: PromiseWithResolvers<CardResult> }[] = [];

  /**
   * One process a core, and two batches in flight in each: one drawn while the other's answer waits for
   * Astro's main thread.
   */
  constructor(cacheDir: string, { processes = availableParallelism(), inFlight = 2 } = {}) {
    this.#cacheDir = cacheDir;
    const count = Math.max(1, processes);
    this.#batchesAtOnce = count * inFlight;
    this.#pool = new Tinypool({
      runtime: 'child_process',
      filename: new URL('./worker.ts', import.meta.url).href,
      // Started for the first card to draw, not before: a publish draws one card, and a process's start is
      // a core's time that Astro's start would have.
      minThreads: 0,
      maxThreads: count,
      concurrentTasksPerWorker: inFlight,
      // glibc gives each of libvips' threads an arena of its own, and the process grows by hundreds of MB.
      // Tinypool hands a child this environment and nothing else, hence the copy of ours.
      env: { ...(process.env as Record<string, string>), MALLOC_ARENA_MAX: '2' },
      // Each card leaves megabytes of short-lived strings; a small young generation collects them sooner,
      // and the process stays a third smaller at the same speed.
      execArgv: [...process.execArgv, '--max-semi-space-size=2'],
    });
  }

  /** The card's file, once it is in the cache. */
  render(input: CardInput): Promise<string> {
    const key = JSON.stringify(input);
    let card = this.#cards.get(key);
    if (!card) {
      card = cardCacheFile(input, this.#cacheDir)
        .then(async ({ path, cached }) => {
          if (cached) {
            this.counts.cached++;
            return path;
          }
          const drawn = await this.#draw(input);
          if ('error' in drawn) throw drawn.error;
          this.counts[drawn.rendered ? 'rendered' : 'cached']++;
          return drawn.path;
        })
        .catch((error: { stack?: string; message?: string } | string) => {
          // A card process's error arrives as a plain object or the stack, which is the only place that
          // names the cause.
          const cause = typeof error === 'string' ? error : (error.stack ?? error.message);
          throw new Error(`The social card for "${input.headline}" failed: ${cause}`);
        });
      this.#cards.set(key, card);
    }
    return card;
  }

  /** Draws a card in a batch with the others asked for in the same turn of the event loop. */
  #draw(input: CardInput): Promise<CardResult> {
    const drawn = Promise.withResolvers<CardResult>();
    if (this.#waiting.push({ input, drawn }) === 1) setImmediate(() => this.#sendWaiting());
    return drawn.promise;
  }

  /** Shares the waiting cards out in batches, enough of them to keep every process busy. */
  #sendWaiting(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    const size = Math.min(MOST_IN_A_BATCH, Math.ceil(waiting.length / this.#batchesAtOnce));
    for (let start = 0; start < waiting.length; start += size) {
      const batch = waiting.slice(start, start + size);
      const task: CardTask = { inputs: batch.map(({ input }) => input), cacheDir: this.#cacheDir };
      (this.#pool.run(task) as Promise<CardResult[]>).then(
        (results) => batch.forEach(({ drawn }, index) => drawn.resolve(results[index] as CardResult)),
        (error: unknown) => batch.forEach(({ drawn }) => drawn.reject(error)),
      );
    }
  }

  /** Waits for every card asked for, then stops the processes. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#cards.values());
    await this.#pool.destroy();
  }
}
