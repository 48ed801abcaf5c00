import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { contentKey, writeCacheFile } from './cache-file.ts';
import { codeDigest, packagesDigest } from './code-digest.ts';
import type { ContentProblem } from './problems.ts';
import type { ArticleData } from './schema.ts';

/** Bump when what is kept changes shape. */
const FORMAT = 1;

/** What the frontmatter pass makes of one file on its own. */
export interface FrontmatterReading {
  frontmatter: Record<string, unknown>;
  data?: ArticleData | undefined;
  problems: ContentProblem[];
}

/**
 * What each article's frontmatter was read as, kept between builds by a hash
 * of the file, so that a build reads the YAML and validates only the articles
 * that changed. Kept with V8's own serialization, which keeps dates as dates
 * and numbers such as Infinity that JSON would turn into something else.
 * Valid for one `code` (the schema's and the reader's) on one `day`: whether
 * a date is too far ahead depends on the day.
 */
export class FrontmatterCache {
  readonly #file: string;
  readonly #version: string;
  readonly #kept: Map<string, FrontmatterReading>;
  readonly #next = new Map<string, FrontmatterReading>();

  private constructor(file: string, version: string, kept: Map<string, FrontmatterReading>) {
    this.#file = file;
    this.#version = version;
    this.#kept = kept;
  }

  /** The cache in `file`, if it was made by the same code on the same day; else an empty one. */
  static async open(file: string, { code, day }: { code: string; day: string }): Promise<FrontmatterCache> {
    const version = `${FORMAT} ${code} ${day}`;
    const saved = await readFile(file)
      .then((bytes) => deserialize(bytes) as { version?: string; entries?: Map<string, FrontmatterReading> })
      .catch(() => undefined);
    const valid = saved?.version === version && saved.entries instanceof Map;
    return new FrontmatterCache(file, version, valid ? (saved.entries as Map<string, FrontmatterReading>) : new Map());
  }

  /** How `file` was read when it last held `source`, or else `read`'s reading of it now. */
  reading(file: string, source: string, read: () => FrontmatterReading): FrontmatterReading {
    const key = contentKey(file, source);
    const reading = this.#kept.get(key) ?? read();
    this.#next.set(key, reading);
    return reading;
  }

  /** Writes what this pass read, in one step: articles that are gone drop out. */
  async save(): Promise<void> {
    await writeCacheFile(this.#file, serialize({ version: this.#version, entries: this.#next }));
  }
}

/**
 * The frontmatter cache kept in `cacheDir`, Astro's cache folder, for the code
 * as it is today: ours, the packages it reads YAML and dates with (by the
 * lockfile), and Node's, whose time-zone data places a date in Oslo.
 */
export async function frontmatterCacheIn(cacheDir: string): Promise<FrontmatterCache> {
  const ours = await codeDigest([fileURLToPath(new URL('./frontmatter.ts', import.meta.url))]);
  return FrontmatterCache.open(join(cacheDir, 'content-frontmatter.bin'), {
    code: `${ours} ${await packagesDigest()} ${process.version}`,
    day: new Date().toISOString().slice(0, 10),
  });
}
