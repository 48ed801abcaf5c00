import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CardInput } from './render.ts';
import type { CardJob, CardJobResult } from './worker.ts';

/**
 * Renders social cards into the card cache in processes of their own, so that
 * satori's layout and the PNG encoding run beside Astro's page rendering. A
 * process, not a worker thread: sharp encodes on libuv's thread pool, which a
 * process shares with all its threads, and Astro's file reads would queue
 * behind the cards. A card is rendered once however often it is asked for.
 */

interface Job {
  input: CardInput;
  /** The card's file in the cache. */
  done: Promise<string>;
  settle: (result: string | Error) => void;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

interface CardProcess {
  child: ChildProcess;
  running: Map<number, Job>;
}

export class SocialCardPool {
  /** Cards this pool rendered, and cards it found already in the cache. */
  readonly counts = { rendered: 0, cached: 0 };
  readonly #cacheDir: string;
  /** Cards sent to a process at once: one in satori while sharp's threads encode the other. */
  readonly #inFlight: number;
  readonly #processes: CardProcess[];
  readonly #jobs = new Map<string, Job>();
  readonly #queue: Job[] = [];
  #nextId = 0;
  #failure: Error | undefined;

  /** One process a core: satori's layout is synchronous, and takes a core while it works. */
  constructor(cacheDir: string, { processes = availableParallelism(), inFlight = 2 } = {}) {
    this.#cacheDir = cacheDir;
    this.#inFlight = inFlight;
    this.#processes = Array.from({ length: Math.max(1, processes) }, () => this.#start());
  }

  /** The card's file, once it is in the cache. */
  render(input: CardInput): Promise<string> {
    const key = JSON.stringify(input);
    let job = this.#jobs.get(key);
    if (!job) {
      let settle: Job['settle'] = () => {};
      const done = new Promise<string>((resolve, reject) => {
        settle = (result) => (result instanceof Error ? reject(result) : resolve(result));
      });
      job = { input, done, settle };
      this.#jobs.set(key, job);
      if (this.#failure) job.settle(this.#failure);
      else this.#queue.push(job);
    }
    this.#dispatch();
    return job.done;
  }

  /** Waits for every card asked for, then stops the processes. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#jobs.values()].map((job) => job.done));
    for (const { child } of this.#processes) {
      child.removeAllListeners('exit');
      child.kill();
    }
  }

  #start(): CardProcess {
    const cardProcess: CardProcess = {
      child: fork(WORKER, {
        serialization: 'advanced',
        stdio: 'inherit',
        // glibc gives each of libvips' threads an arena of its own, and the process grows by hundreds of MB.
        env: { ...process.env, MALLOC_ARENA_MAX: '2' },
        // Each card leaves megabytes of short-lived strings; a small young generation collects them sooner,
        // and the process stays a third smaller at the same speed.
        execArgv: [...process.execArgv, '--max-semi-space-size=2'],
      }),
      running: new Map(),
    };
    cardProcess.child.on('message', (result: CardJobResult) => {
      const job = cardProcess.running.get(result.id);
      cardProcess.running.delete(result.id);
      if ('error' in result) {
        job?.settle(new Error(`The social card for "${job.input.headline}" failed: ${result.error}`));
      } else {
        this.counts[result.rendered ? 'rendered' : 'cached']++;
        job?.settle(result.path);
      }
      this.#dispatch();
    });
    cardProcess.child.on('exit', (code, signal) => this.#fail(code, signal));
    idle(cardProcess.child);
    return cardProcess;
  }

  /** A card process that stops takes its cards with it, and no card is sent again. */
  #fail(code: number | null, signal: NodeJS.Signals | null): void {
    this.#failure ??= new Error(`A social card process stopped (${signal ?? `exit code ${code}`})`);
    for (const { running } of this.#processes) {
      for (const job of running.values()) job.settle(this.#failure);
      running.clear();
    }
    for (const job of this.#queue.splice(0)) job.settle(this.#failure);
  }

  #dispatch(): void {
    if (this.#failure) return;
    for (const { child, running } of this.#processes) {
      while (running.size < this.#inFlight) {
        const job = this.#queue.shift();
        if (!job) break;
        const id = this.#nextId++;
        running.set(id, job);
        child.send({ id, input: job.input, cacheDir: this.#cacheDir } satisfies CardJob);
      }
      if (running.size) {
        child.ref();
        child.channel?.ref();
      } else {
        idle(child);
      }
    }
  }
}

/** An idle card process must not keep the build's process alive. */
function idle(child: ChildProcess): void {
  child.unref();
  child.channel?.unref();
}
