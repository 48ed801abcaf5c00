import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';

/** A URL that names a file beside the article, rather than a page or another site: `./foto.jpg`, `foto.jpg`. */
export function isLocalFile(url: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url);
}

/** The formats Astro's image service reads that a photo may be. Not SVG: an SVG can hold a script. */
const PHOTO_FORMATS = new Set(['jpeg', 'jpg', 'png', 'webp', 'avif', 'gif']);

/** Larger than any photo a newsroom sends; Astro's image service cannot read a file past 2 GB at all. */
export const MAX_PHOTO_BYTES = 50 * 1024 * 1024;

/** What is wrong with the photo a body's image URL names, or nothing; see `localPhotoProblem`. */
export async function localPhotoUrlProblem(folder: string, url: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURI(url);
  } catch {
    return 'is not a valid path: write a percent sign as %25';
  }
  return localPhotoProblem(folder, path);
}

/**
 * What is wrong with a photo path of an article in `folder`, or nothing: it
 * must be a file in the article's folder or below it, also once links are
 * followed, so that no file from elsewhere on the machine is published; and a
 * JPEG, PNG, WebP, AVIF or GIF that Astro's image service reads, as its own
 * reader (`imageMetadata`) tells, whatever the file's name says.
 */
export async function localPhotoProblem(folder: string, relativePath: string): Promise<string | undefined> {
  if (relativePath.endsWith('/')) return 'is not a file: name the photo file itself';
  const path = resolve(folder, relativePath);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'does not exist: put the photo next to the article or fix the path';
  }
  const inside = relative(realpathSync(folder), real);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return "is outside the article's folder: put the photo next to the article";
  }
  const file = statSync(real);
  if (!file.isFile()) return 'is not a file: name the photo file itself';
  if (file.size > MAX_PHOTO_BYTES)
    return `is ${Math.round(file.size / 1024 / 1024)} MB, more than the 50 MB a photo may be: export it smaller`;
  const format = await imageMetadata(await readFile(real), relativePath).then(
    (metadata) => metadata.format,
    () => undefined,
  );
  if (!format || !PHOTO_FORMATS.has(format)) {
    return 'is not a JPEG, PNG, WebP, AVIF or GIF photo: give the photo in one of those formats';
  }
  return undefined;
}
