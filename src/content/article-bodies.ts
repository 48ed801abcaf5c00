import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from './cache-file.ts';

/**
 * The articles' rendered bodies, kept in files beside Astro's content store
 * rather than in it: Astro writes its whole store again at every build and
 * bundles it into the code that renders the pages, so that every body in it
 * costs every publish, however few articles changed. A body's file is named
 * by a hash of its HTML: a name always means the same HTML, whichever build
 * wrote it, and a build of the same content in another mode or folder finds
 * the same file.
 */

/** The folder of the bodies, in Astro's cache folder. */
export const ARTICLE_BODIES_DIR = 'article-bodies';

/** Keeps a rendered body in `dir`, and returns its file. */
export function keepBody(dir: string, html: string): string {
  const file = join(dir, `${createHash('sha256').update(html).digest('base64url')}.html`);
  if (!existsSync(file)) writeCacheFile(file, html);
  return file;
}

/**
 * Removes the bodies in `dir` that no article of the store shows. Another
 * store that showed one (`astro dev`'s, over the same cache) finds it gone
 * at its next load, and renders that article again.
 */
export function removeUnusedBodies(dir: string, used: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (used.has(file)) continue;
    rmSync(file, { force: true });
    removed += 1;
  }
  return removed;
}
