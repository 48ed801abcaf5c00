import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CardInput } from './social-card.ts';
import type { CardJob, CardJobResult } from './social-card-worker.ts';

/**
 * Renders social cards into the card cache in a process of their own, so that
 * satori's layout and the PNG encoding run beside Astro's page rendering. A
 * process, not a worker thread: sharp encodes on libuv's thread pool, which a
 * process shares with all its threads, and Astro's file reads would queue
 * behind the cards. A card is rendered once however often it is asked for,
 * and a card a page is waiting on goes ahead of the ones asked for in advance.
 */

interface Job {
  input: CardInput;
  done: Promise<void>;
  settle: (error?: Error) => void;
  started: boolean;
}

const WORKER = fileURLToPath(new URL('./social-card-worker.ts', import.meta.url));

export class SocialCardPool {
  /** Cards this pool rendered, and cards it found already in the cache. */
  readonly counts = { rendered: 0, cached: 0 };
  readonly #cacheDir: string;
  /** Cards sent at once: enough that satori lays out one while sharp's threads encode the others. */
  readonly #inFlight: number;
  readonly #worker: ChildProcess;
  readonly #running = new Map<number, Job>();
  readonly #jobs = new Map<string, Job>();
  readonly #waitedFor: Job[] = [];
  readonly #inAdvance: Job[] = [];
  #nextId = 0;
  #failure: Error | undefined;

  constructor(cacheDir: string, { inFlight = 4 } = {}) {
    this.#cacheDir = cacheDir;
    this.#inFlight = inFlight;
    this.#worker = fork(WORKER, {
      serialization: 'advanced',
      stdio: 'inherit',
      // glibc gives each of libvips' threads an arena of its own, and the process grows by hundreds of MB.
      env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    });
    this.#worker.on('message', (result: CardJobResult) => {
      const job = this.#running.get(result.id);
      this.#running.delete(result.id);
      if ('error' in result) {
        job?.settle(new Error(`The social card for "${job.input.headline}" failed: ${result.error}`));
      } else {
        this.counts[result.rendered ? 'rendered' : 'cached']++;
        job?.settle();
      }
      this.#dispatch();
    });
    this.#worker.on('exit', (code, signal) => {
      this.#failure = new Error(`The social card process stopped (${signal ?? `exit code ${code}`})`);
      for (const job of this.#running.values()) job.settle(this.#failure);
      this.#running.clear();
      for (let job = this.#next(); job; job = this.#next()) job.settle(this.#failure);
    });
    this.#idle();
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
      if (this.#failure) job.settle(this.#failure);
      else if (!waiting) this.#inAdvance.push(job);
    }
    if (waiting && !job.started) this.#waitedFor.push(job);
    this.#dispatch();
    return job.done;
  }

  /** Waits for every card asked for, then stops the process. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#jobs.values()].map((job) => job.done));
    this.#worker.removeAllListeners('exit');
    this.#worker.kill();
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
    if (this.#failure) return;
    while (this.#running.size < this.#inFlight) {
      const job = this.#next();
      if (!job) break;
      job.started = true;
      const id = this.#nextId++;
      this.#running.set(id, job);
      this.#worker.send({ id, input: job.input, cacheDir: this.#cacheDir } satisfies CardJob);
    }
    if (this.#running.size) {
      this.#worker.ref();
      this.#worker.channel?.ref();
    } else {
      this.#idle();
    }
  }

  /** An idle card process must not keep the build's process alive. */
  #idle(): void {
    this.#worker.unref();
    this.#worker.channel?.unref();
  }
}
