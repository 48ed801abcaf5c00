import { type Dirent, existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

function isFileBehindLink(entry: Dirent, path: string): boolean {
  return entry.isSymbolicLink() && (statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
}

/**
 * Markdown files below a folder, in a stable order. Like Astro's glob, it
 * skips names that start with a dot, such as an editor's `.utkast.md`: the
 * site publishes what is here, and nothing else.
 */
export async function findArticleFiles(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return (
    entries
      .map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
      // A folder named like an article is not one.
      .filter(({ entry, path }) => entry.name.endsWith('.md') && (entry.isFile() || isFileBehindLink(entry, path)))
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
export async function* readAhead(paths: string[], window = 32): AsyncGenerator<[path: string, bytes: Buffer]> {
  const reading: Array<Promise<[string, Buffer]>> = [];
  let next = 0;
  const fill = () => {
    for (; reading.length < window && next < paths.length; next++) {
      const path = paths[next] as string;
      const text = readFile(path).then((contents): [string, Buffer] => [path, contents]);
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
