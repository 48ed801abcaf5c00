import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** A URL that names a file beside the article, rather than a page or another site: `./foto.jpg`, `foto.jpg`. */
export function isLocalFile(url: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url);
}

/**
 * What is wrong with a photo path of an article in `folder`, or nothing: it
 * must be a file in the article's folder or below it, also once links are
 * followed, so that no file from elsewhere on the machine is published.
 */
export function localFileProblem(folder: string, url: string): string | undefined {
  let path: string;
  try {
    path = resolve(folder, decodeURI(url));
  } catch {
    return 'is not a valid path: write a percent sign as %25';
  }
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
  return undefined;
}
