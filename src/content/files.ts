import { type Dirent, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** A link to an article file in the same folder of articles: one that leads out of it would publish what is not content. */
function isArticleBehindLink(entry: Dirent, path: string, folder: string): boolean {
  if (!entry.isSymbolicLink() || !statSync(path, { throwIfNoEntry: false })?.isFile()) return false;
  const inside = relative(realpathSync(folder), realpathSync(path));
  return !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/** Larger than any article: a long one is tens of kilobytes, and Node cannot hold a text past half a gigabyte. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/**
 * Markdown files below a folder, in a stable order. Like Astro's glob, it
 * skips names that start with a dot, such as an editor's `.utkast.md`: the
 * site publishes what is here, and nothing else.
 */
export function findArticleFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  // Synchronous: as a promise, the walk of ten thousand files waited on the thread pool for a third of a second.
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return (
    entries
      .map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
      // A folder named like an article is not one.
      .filter(
        ({ entry, path }) => entry.name.endsWith('.md') && (entry.isFile() || isArticleBehindLink(entry, path, folder)),
      )
      .map(({ path }) => path)
      .filter(
        (path) =>
          !relative(folder, path)
            .split(sep)
            .some((part) => part.startsWith('.')),
      )
      .sort()
  );
}

/**
 * The files' text in order, with the next few already being read: checking a
 * file then overlaps reading the ones after it, which one by one left the
 * check waiting on the disk for a third of its time.
 */
export async function* readAhead(
  paths: string[],
  window = 32,
): AsyncGenerator<[path: string, bytes: Buffer | { tooLarge: number }]> {
  const reading: Array<Promise<[string, Buffer | { tooLarge: number }]>> = [];
  let next = 0;
  const fill = () => {
    for (; reading.length < window && next < paths.length; next++) {
      const path = paths[next] as string;
      // The size is known before the file is read: a huge one is never read at all.
      const text = stat(path).then(async ({ size }): Promise<[string, Buffer | { tooLarge: number }]> => [
        path,
        size > MAX_ARTICLE_BYTES ? { tooLarge: size } : await readFile(path),
      ]);
      // Its error is thrown when its turn comes, not as an unhandled rejection while an earlier file is checked.
      text.catch(() => undefined);
      reading.push(text);
    }
  };
  fill();
  for (let text = reading.shift(); text; text = reading.shift()) {
    fill();
    yield await text;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's text, or the first line that is not UTF-8: read leniently, such a
 * file would show replacement characters (�) wherever a letter was.
 */
export function decodeUtf8(bytes: Buffer): { text: string } | { badLine: number } {
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    // A newline byte is never part of a longer UTF-8 sequence, so a line can be decoded on its own.
    const lines = bytes.toString('latin1').split('\n');
    let offset = 0;
    for (const [index, line] of lines.entries()) {
      try {
        strictUtf8.decode(bytes.subarray(offset, offset + line.length));
      } catch {
        return { badLine: index + 1 };
      }
      offset += line.length + 1;
    }
    return { badLine: lines.length };
  }
}
