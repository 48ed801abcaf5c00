import { constants } from 'node:fs';
import { copyFile, lstat, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { localPhotoProblem } from '../../src/markdown/local-photos.ts';
import type { WirePhoto } from './wire.ts';

/**
 * The lead photo's file. NITF names it; the import uses it only when it is
 * a regular file right beside the input, since a path elsewhere is not the
 * editor's to give, only with alt text, which a photo that is shown needs,
 * and only when it is a photo by its name and its content, as the site's
 * check wants it: anything else copied beside the article would fail the
 * check, and a .md there would even be published as an article.
 */

const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'];

/** Why the photo named `name` cannot be imported from beside `input`, or nothing. */
async function whyNot(input: string, name: string, alt: string | undefined): Promise<string | undefined> {
  if (input === '-') return 'standard input has no folder to find it in';
  if (name !== basename(name) || name.startsWith('.')) return 'it is not a file name beside the input';
  const isFile = await lstat(join(dirname(input), name)).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) return 'it is not a file beside the input';
  if (!PHOTO_EXTENSIONS.includes(extname(name).toLowerCase())) {
    return 'it is not named as a JPEG, PNG, WebP, AVIF or GIF photo';
  }
  if (!alt) return 'it has no alternate-text to describe it';
  const problem = await localPhotoProblem(dirname(input), name);
  // The site's own reading of the file; what follows its colon is advice to an article's writer.
  return problem && `it ${problem.replace(/:.*$/, '')}`;
}

/** The photo file beside the input, or why the photo is imported with its caption alone. */
export async function photoBesideInput(
  input: string,
  photo: WirePhoto | undefined,
): Promise<{ file?: string; note?: string }> {
  if (!photo?.file) return {};
  const why = await whyNot(input, photo.file, photo.alt);
  if (!why) return { file: join(dirname(input), photo.file) };
  return { note: `the photo ${photo.file} is not imported, as ${why}: the caption and credit are shown without it` };
}

const beside = (file: string, articlePath: string) => join(dirname(articlePath), basename(file));

/** Why the photo cannot go beside the article: a file there by its name that is another photo. */
export async function photoConflict(file: string, articlePath: string): Promise<string | undefined> {
  const target = beside(file, articlePath);
  const theirs = await readFile(target).catch(() => undefined);
  if (!theirs || theirs.equals(await readFile(file))) return undefined;
  return `${target} already exists and is another photo: rename the photo and import again`;
}

/** Copies the photo beside the article, never over a file: one there already is the same photo. */
export async function copyPhoto(file: string, articlePath: string): Promise<void> {
  await copyFile(file, beside(file, articlePath), constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
