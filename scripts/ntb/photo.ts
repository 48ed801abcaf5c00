import { constants } from 'node:fs';
import { copyFile, lstat, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { WirePhoto } from './wire.ts';

/**
 * The lead photo's file. NITF names it; the import uses it only when it is
 * a regular file right beside the input, since a path elsewhere is not the
 * editor's to give, and only with alt text, which a photo that is shown needs.
 */

/** The photo file beside the input, or why the photo is imported with its caption alone. */
export async function photoBesideInput(
  input: string,
  photo: WirePhoto | undefined,
): Promise<{ file?: string; note?: string }> {
  if (!photo?.file) return {};
  const name = photo.file;
  const path = join(dirname(input), name);
  const why =
    input === '-'
      ? 'standard input has no folder to find it in'
      : name !== basename(name) || name.startsWith('.')
        ? 'it is not a file name beside the input'
        : !(await lstat(path).then(
              (info) => info.isFile(),
              () => false,
            ))
          ? 'it is not a file beside the input'
          : !photo.alt
            ? 'it has no alternate-text to describe it'
            : undefined;
  if (!why) return { file: path };
  return { note: `the photo ${name} is not imported, as ${why}: the caption and credit are shown without it` };
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
