import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * Markdown files below a folder, in a stable order. Like Astro's glob, it
 * skips names that start with a dot, such as an editor's `.utkast.md`: the
 * site publishes what is here, and nothing else.
 */
export async function findArticleFiles(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const names = await readdir(folder, { recursive: true });
  return names
    .filter((name) => name.endsWith('.md') && !name.split(sep).some((part) => part.startsWith('.')))
    .map((name) => join(folder, name))
    .sort();
}

/**
 * The files' text in order, with the next few already being read: checking a
 * file then overlaps reading the ones after it, which one by one left the
 * check waiting on the disk for a third of its time.
 */
export async function* readAhead(paths: string[], window = 32): AsyncGenerator<[path: string, text: string]> {
  const reading: Array<Promise<[string, string]>> = [];
  let next = 0;
  const fill = () => {
    for (; reading.length < window && next < paths.length; next++) {
      const path = paths[next] as string;
      const text = readFile(path, 'utf8').then((contents): [string, string] => [path, contents]);
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
