import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

/** Whether `path` is `folder` or inside it. */
function isWithin(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

/**
 * Why a build may not replace `outDir`, or nothing. A build replaces its
 * output whole, so the output must be a folder of its own: not the project,
 * the content or a folder holding them, not a folder among the articles, not a file, and not a folder of
 * other files. A new or empty folder will do, or one an earlier build wrote,
 * which holds the index.html and _headers that every build writes.
 */
export async function unsafeOutputProblem(
  outDir: string,
  { project, contentDir }: { project: string; contentDir: string },
) {
  if (isWithin(project, outDir) || isWithin(contentDir, outDir) || isWithin(outDir, join(contentDir, 'articles'))) {
    return 'would replace the project or its articles: give a folder of its own, like dist';
  }
  const existing = await stat(outDir).catch(() => undefined);
  if (!existing) return undefined;
  if (!existing.isDirectory()) return 'is a file, not a folder: give a folder of its own, like dist';
  const names = await readdir(outDir);
  if (names.length && !(names.includes('index.html') && names.includes('_headers'))) {
    return 'holds files that no build wrote: give an empty or new folder, or the folder of an earlier build';
  }
  return undefined;
}
