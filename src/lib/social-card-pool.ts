import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardInput } from './social-card.ts';
import type { CardJob, CardJobResult } from './social-card-worker.ts';

/**
 * Renders social cards into the card cache on worker threads, so that satori's
 * layout and the PNG encoding run beside Astro's page rendering instead of on
 * its thread. A card is rendered once however often it is asked for, and a
 * card a page is waiting on goes ahead of the ones asked for in advance.
 */

interface Job {
  input: CardInput;
  done: Promise<void>;
  settle: (error?: Error) => void;
  started: boolean;
}

interface Thread {
  worker: Worker;
  running: Map<number, Job>;
}

/** Two cards a thread: one in satori while the other is being encoded by sharp's own threads. */
const CARDS_PER_THREAD = 2;

export class SocialCardPool {
  /** Cards this pool rendered, and cards it found already in the cache. */
  readonly counts = { rendered: 0, cached: 0 };
  readonly #cacheDir: string;
  readonly #threads: Thread[];
  readonly #jobs = new Map<string, Job>();
  readonly #waitedFor: Job[] = [];
  readonly #inAdvance: Job[] = [];
  #nextId = 0;

  constructor(cacheDir: string, threads = availableParallelism()) {
    this.#cacheDir = cacheDir;
    this.#threads = Array.from({ length: Math.max(1, threads) }, () => this.#startThread());
  }

  /** Resolves once the card is in the cache. `waiting` says a page needs it now. */
  render(input: CardInput, { waiting = false } = {}): Promise<void> {
    const key = JSON.stringify(input);
    let job = this.#jobs.get(key);
    if (!job) {
      let settle: Job['settle'] = () => {};
      const done = new Promise<void>((resolve, reject) => {
        settle = (error) => (error ? reject(error) : resolve());
      });
      job = { input, done, settle, started: false };
      this.#jobs.set(key, job);
      if (!waiting) this.#inAdvance.push(job);
    }
    if (waiting && !job.started) this.#waitedFor.push(job);
    this.#dispatch();
    return job.done;
  }

  /** Waits for every card asked for, then stops the threads. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#jobs.values()].map((job) => job.done));
    await Promise.all(this.#threads.map(({ worker }) => worker.terminate()));
  }

  #startThread(): Thread {
    const thread: Thread = {
      worker: new Worker(new URL('./social-card-worker.ts', import.meta.url)),
      running: new Map(),
    };
    thread.worker.on('message', (result: CardJobResult) => {
      const job = thread.running.get(result.id);
      thread.running.delete(result.id);
      if ('error' in result) {
        job?.settle(new Error(`The social card for "${job.input.headline}" failed: ${result.error}`));
      } else {
        this.counts[result.rendered ? 'rendered' : 'cached']++;
        job?.settle();
      }
      this.#dispatch();
    });
    thread.worker.on('error', (error) => {
      for (const job of thread.running.values()) job.settle(error);
      thread.running.clear();
      this.#threads.splice(this.#threads.indexOf(thread), 1);
      if (this.#threads.length) return;
      for (let job = this.#next(); job; job = this.#next()) job.settle(error);
    });
    // An idle thread must not keep the build's process alive.
    thread.worker.unref();
    return thread;
  }

  #next(): Job | undefined {
    for (const queue of [this.#waitedFor, this.#inAdvance]) {
      while (queue.length) {
        const job = queue.shift() as Job;
        if (!job.started) return job;
      }
    }
    return undefined;
  }

  #dispatch(): void {
    for (const thread of this.#threads) {
      while (thread.running.size < CARDS_PER_THREAD) {
        const job = this.#next();
        if (!job) break;
        job.started = true;
        const id = this.#nextId++;
        thread.running.set(id, job);
        thread.worker.postMessage({ id, input: job.input, cacheDir: this.#cacheDir } satisfies CardJob);
      }
      if (thread.running.size) thread.worker.ref();
      else thread.worker.unref();
    }
  }
}
