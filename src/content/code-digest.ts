import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The code whose output the content store and the check's cache keep: the article pipeline, and the schema. */
export const ARTICLE_CODE = ['../markdown/index.ts', './schema.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The project's files a module is made of: itself and what it imports, following relative imports. */
export async function moduleFiles(entries: string[]): Promise<string[]> {
  const files = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const [, specifier = ''] of (await readFile(file, 'utf8')).matchAll(RELATIVE_IMPORT)) {
      pending.push(resolve(dirname(file), specifier));
    }
  }
  return [...files].sort();
}

/**
 * A hash of the code that makes what the content store keeps of an article,
 * the markdown pipeline and the schema: Astro keeps rendered articles between
 * builds and knows only when the config or the files change.
 */
export async function codeDigest(entries: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await moduleFiles(entries)) hash.update(file).update(await readFile(file));
  return hash.digest('hex');
}

/** A hash of the installed packages, by the lockfile: a cache of what a package makes is kept for one version of it. */
export async function packagesDigest(): Promise<string> {
  const lockfile = await readFile(new URL('../../package-lock.json', import.meta.url)).catch(() => '');
  return createHash('sha256').update(lockfile).digest('base64url');
}
