import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** A URL that names a file beside the article, rather than a page or another site: `./foto.jpg`, `foto.jpg`. */
export function isLocalFile(url: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url);
}

/**
 * The photo formats Astro's image service reads, by their first bytes. SVG is
 * not one of them: an SVG can hold a script, which would run on the site's
 * origin.
 */
const PHOTO_SIGNATURES: Array<(head: Buffer) => boolean> = [
  (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  (head) => head.subarray(0, 4).toString('latin1') === 'GIF8',
  (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
  (head) =>
    head.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]$/.test(head.subarray(8, 12).toString('latin1')),
];

function isPhoto(path: string): boolean {
  const head = Buffer.alloc(16);
  const file = openSync(path, 'r');
  try {
    readSync(file, head, 0, head.length, 0);
  } finally {
    closeSync(file);
  }
  return PHOTO_SIGNATURES.some((signature) => signature(head));
}

/** What is wrong with the photo a body's image URL names, or nothing; see `localPhotoProblem`. */
export function localPhotoUrlProblem(folder: string, url: string): string | undefined {
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
 * must be a JPEG, PNG, WebP, AVIF or GIF file in the article's folder or below
 * it, also once links are followed, so that no file from elsewhere on the
 * machine is published and Astro's image service can read it.
 */
export function localPhotoProblem(folder: string, relativePath: string): string | undefined {
  const path = resolve(folder, relativePath);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'does not exist: put the photo next to the article or fix the path';
  }
  const inside = relative(realpathSync(folder), real);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return "is outside the article's folder: put the photo next to the article";
  }
  if (!statSync(real).isFile()) return 'is not a file: name the photo file itself';
  if (!isPhoto(real)) return 'is not a JPEG, PNG, WebP, AVIF or GIF photo: give the photo in one of those formats';
  return undefined;
}
