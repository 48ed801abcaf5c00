import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RenderedBody } from './bodies.ts';
import { contentKey, writeCacheFile } from './cache-file.ts';
import { bodyPhotosSignature } from './photo-signature.ts';

/** Bump when what is kept changes shape. */
const FORMAT = 2;

interface Entry {
  body: RenderedBody;
  /** The photos the body shows, as the pipeline listed them, and what they were when it rendered. */
  photos: unknown;
  signature: string;
}

/**
 * What `npm run check` found in each body, kept between runs by a hash of the
 * file, as Astro keeps rendered articles, and only while the code that renders
 * them and the photos they show are unchanged: a second check renders only
 * the articles that changed. What would break the build, it names just the same.
 */
export class BodyCache {
  readonly #file: string;
  readonly #code: string;
  readonly #kept: Map<string, Entry>;
  readonly #next = new Map<string, Entry>();

  private constructor(file: string, code: string, kept: Map<string, Entry>) {
    this.#file = file;
    this.#code = code;
    this.#kept = kept;
  }

  /** The cache in `file`, if it was made by the same `code`; else an empty one. */
  static async open(file: string, code: string): Promise<BodyCache> {
    const saved = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as { format?: number; code?: string; entries?: Record<string, Entry> })
      .catch(() => undefined);
    const valid = saved?.format === FORMAT && saved.code === code && saved.entries;
    return new BodyCache(file, code, new Map(valid ? Object.entries(saved.entries ?? {}) : []));
  }

  /** The body's report from an earlier check, if the file and its photos are as they were then. */
  async get(path: string, source: string): Promise<RenderedBody | undefined> {
    const key = contentKey(path, source);
    const entry = this.#kept.get(key);
    if (!entry) return undefined;
    if ((await bodyPhotosSignature(dirname(path), entry.photos)) !== entry.signature) return undefined;
    this.#next.set(key, entry);
    return entry.body;
  }

  async set(path: string, source: string, body: RenderedBody, photos: unknown): Promise<void> {
    this.#next.set(contentKey(path, source), {
      body,
      photos,
      signature: await bodyPhotosSignature(dirname(path), photos),
    });
  }

  /** Writes what this check used, in one step: articles that are gone drop out. */
  save(): void {
    const saved = { format: FORMAT, code: this.#code, entries: Object.fromEntries(this.#next) };
    writeCacheFile(this.#file, JSON.stringify(saved));
  }
}
