import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the content caches keep a file's results by: its path and its whole text. */
export const contentKey = (path: string, source: string) =>
  createHash('sha256').update(path).update('\0').update(source).digest('base64url');

/**
 * Writes a cache file in one step, so that a build killed mid-write leaves the last one whole. Two processes
 * writing one file at once, as two writing the same body, each write a file of their own and rename it.
 * Synchronous: a build writes thousands of small bodies, and as promises each took several times the CPU,
 * on the main thread and off it, that it takes here (README, benchmarks). `mode` is the file's permissions.
 */
export function writeCacheFile(file: string, data: string | Uint8Array, { mode }: { mode?: number } = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data, { mode });
  renameSync(temporary, file);
}
