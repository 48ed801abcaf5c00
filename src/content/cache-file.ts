import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What the content caches keep a file's results by: its path and its whole text. */
export const contentKey = (path: string, source: string) =>
  createHash('sha256').update(path).update('\0').update(source).digest('base64url');

let writes = 0;

/**
 * Writes a cache file in one step, so that a build killed mid-write leaves the last one whole. Two writes of
 * one file at once, as of two articles with the same body, each write a file of their own and rename it.
 */
export async function writeCacheFile(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  writes += 1;
  const temporary = `${file}.${process.pid}-${writes}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}
