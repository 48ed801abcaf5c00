import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ContentProblem } from './problems.ts';

/** The committed list of every published permalink, one path a line, in the content folder. */
export const PERMALINKS_LOCK = 'permalinks.lock';

/** The paths in a permalinks lock with their line numbers; none when there is no lock. */
export async function readPermalinksLock(path: string): Promise<Array<{ path: string; line: number }>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .map((line, index) => ({ path: line.trim(), line: index + 1 }))
    .filter(({ path }) => path && !path.startsWith('#'));
}

/** Every permalink once published that no longer resolves, to an article or a redirect. */
export async function lockProblems(contentDir: string, resolves: (path: string) => boolean, cwd: string) {
  const lockFile = join(contentDir, PERMALINKS_LOCK);
  const problems: ContentProblem[] = [];
  for (const { path, line } of await readPermalinksLock(lockFile)) {
    if (resolves(path)) continue;
    problems.push({
      file: relative(cwd, lockFile),
      line,
      field: 'permalink',
      message: `${path} was published and no longer resolves: restore the article, or add ${path} to redirectFrom in the article that replaces it`,
    });
  }
  return problems;
}
