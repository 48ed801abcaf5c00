import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * A photo file as make knows it, its path, size and time: a photo replaced
 * under the same name has another size or time. Cheaper than reading it, which
 * is what caches that must notice a replaced photo would otherwise do.
 */
export async function photoSignature(path: string): Promise<string> {
  const { size, mtimeMs } = await stat(path).catch(() => ({ size: -1, mtimeMs: 0 }));
  return `${path} ${size} ${mtimeMs}`;
}

/** One signature for the photos a body shows, given as Astro lists them: relative to the article's folder. */
export async function bodyPhotosSignature(folder: string, photos: unknown): Promise<string> {
  const signatures = await Promise.all(
    (Array.isArray(photos) ? photos : []).map((photo) => photoSignature(resolve(folder, String(photo)))),
  );
  return signatures.join('\n');
}
