import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { writeCacheFile } from './cache-file.ts';
import { codeDigest, packagesDigest } from './code-digest.ts';
import type { ContentProblem } from './problems.ts';
import type { ArticleData } from './schema.ts';

/** Bump when what is kept changes shape. */
const FORMAT = 2;

/**
 * How long after a file last changed a reading of it is trusted by the file's
 * status alone: a file system that keeps times to the second or two (FAT keeps
 * two) can change a file again, at the same size, under the time it was read at.
 */
const SETTLED_MS = 2000;

/** What a file's status says of its text: the size, the times and the inode, of which a write changes at least the times. */
export type FileStatus = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

const statusText = ({ size, mtimeMs, ctimeMs, ino }: FileStatus) => `${size} ${mtimeMs} ${ctimeMs} ${ino}`;

/** A file's reading kept from an earlier pass, and the key of the text it was read from. */
export interface KeptReading {
  key: string;
  reading: FrontmatterReading;
}

/** A file as a pass last read it: its status then, the key of its text, and when. */
interface Seen {
  status: string;
  key: string;
  readAt: number;
}

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
  readonly #seen: Map<string, Seen>;
  readonly #nextSeen = new Map<string, Seen>();

  private constructor(file: string, version: string, saved?: Saved) {
    this.#file = file;
    this.#version = version;
    this.#kept = saved?.entries ?? new Map();
    this.#seen = saved?.seen ?? new Map();
  }

  /** The cache in `file`, if it was made by the same code on the same day; else an empty one. */
  static async open(file: string, { code, day }: { code: string; day: string }): Promise<FrontmatterCache> {
    const version = `${FORMAT} ${code} ${day}`;
    const saved = await readFile(file)
      .then((bytes) => deserialize(bytes) as Partial<Saved> & { version?: string })
      .catch(() => undefined);
    const valid = saved?.version === version && saved.entries instanceof Map && saved.seen instanceof Map;
    return new FrontmatterCache(file, version, valid ? (saved as Saved) : undefined);
  }

  /**
   * How `file` was read, and the key of its text, without reading it again:
   * when its `status` is as it was when a pass last read it, and that pass
   * was long enough after the file last changed.
   */
  unchanged(file: string, status: FileStatus): KeptReading | undefined {
    const seen = this.#seen.get(file);
    const reading = seen && this.#kept.get(seen.key);
    if (!seen || !reading || seen.status !== statusText(status) || status.mtimeMs >= seen.readAt - SETTLED_MS) {
      return undefined;
    }
    this.#next.set(seen.key, reading);
    this.#nextSeen.set(file, seen);
    return { key: seen.key, reading };
  }

  /**
   * How `file` was read when it last held the text of `key`, or else
   * `read`'s reading of it now; `seen` is the file's status when read, and
   * the time it was read at.
   */
  reading(
    file: string,
    key: string,
    read: () => FrontmatterReading,
    seen?: { status: FileStatus; at: Date },
  ): FrontmatterReading {
    const reading = this.#kept.get(key) ?? read();
    this.#next.set(key, reading);
    if (seen) this.#nextSeen.set(file, { status: statusText(seen.status), key, readAt: seen.at.getTime() });
    return reading;
  }

  /** Writes what this pass read, in one step: articles that are gone drop out. */
  save(): void {
    const saved: Saved & { version: string } = { version: this.#version, entries: this.#next, seen: this.#nextSeen };
    writeCacheFile(this.#file, serialize(saved));
  }
}

interface Saved {
  /** Readings by the key of the text read. */
  entries: Map<string, FrontmatterReading>;
  /** The files last read, by path. */
  seen: Map<string, Seen>;
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
