import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkdownHeading } from 'astro';
import { writeCacheFile } from './cache-file.ts';

/**
 * The articles' rendered bodies, kept in files beside Astro's content store
 * rather than in it: Astro writes its whole store again at every build and
 * bundles it into the code that renders the pages, so that every body in it
 * costs every publish, however few articles changed. Its headings go with
 * it: only the article's own page shows them. A body's file is named by a
 * hash of what it holds: a name always means the same body, whichever build
 * wrote it, and a build of the same content in another mode or folder finds
 * the same file.
 */

/** The folder of the bodies, in Astro's cache folder. */
export const ARTICLE_BODIES_DIR = 'article-bodies';

/** What an article's body file holds: what Astro's `render` makes of the body, less what the listings need. */
export interface KeptBody {
  html: string;
  headings: MarkdownHeading[];
}

/** Keeps a rendered body in `dir`, and returns its file. */
export function keepBody(dir: string, body: KeptBody): string {
  const text = JSON.stringify(body);
  const file = join(dir, `${createHash('sha256').update(text).digest('base64url')}.json`);
  if (!existsSync(file)) writeCacheFile(file, text);
  return file;
}

/**
 * The body `keepBody` kept in `file`. A file removed by another build over the same cache (for `astro dev`,
 * whose store still names it), or damaged outside a build, is named, with what to do.
 */
export function readBody(file: string): KeptBody {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as KeptBody;
  } catch (error) {
    const what =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'gone from the cache:'
        : 'damaged in the cache: remove it, and';
    throw new Error(`${file}: this article body is ${what} build again, or restart astro dev`);
  }
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
