import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../content/permalink.ts';
import { entriesBelow } from './entries-below.ts';
import { FILE_POLICY, PAGE_HEADER_POLICY, SEARCH_INDEX_POLICY } from './content-security-policy.ts';

/**
 * Writes the files static hosts read beside the pages: `_headers` (Netlify and
 * Cloudflare Pages) with caching and security headers, and `_redirects` with
 * every old permalink. Both honour the site's base.
 */

/** Headers for every response. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Frame-Options': 'DENY',
} as const;

/** Pages and feeds may change with every publish: browsers revalidate, CDNs keep them for a minute. */
export const HTML_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, must-revalidate';
/** Astro's hashed assets never change under the same name. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Astro's folder of content-hashed files. */
const HASHED_ASSETS = '_astro';
const HOST_FILES = new Set(['_headers', '_redirects']);

const isPage = (path: string) => path.endsWith('.html');

/**
 * The rule for a file in a folder of pages, by its depth and name
 * (`/:dir1/:dir2/:dir3/:dir4/card.png`): one rule for every article's card,
 * where a rule for each would pass a host's limit (Cloudflare Pages reads
 * 100). A placeholder is one segment, so no page's address, which ends in a
 * slash or `.html`, matches it.
 */
function besidePagesRule(path: string): string {
  const parts = path.split('/');
  return `/${[...parts.slice(0, -1).map((_, index) => `:dir${index + 1}`), parts.at(-1)].join('/')}`;
}

/**
 * The `_headers` file for a built site of `files` (paths relative to it, with
 * `/`) and `searchIndex`, the folder npm run build writes beside Astro's end.
 *
 * Hosts send every rule that matches a path, and join the values of a header
 * two rules set; two CSP values are two policies, and a browser enforces both.
 * So `/*` gets the page policy, which has no directive a page's hashed script
 * or style could fail; the strict policy goes on rules that match no page
 * (folders without pages, top-level files, files beside pages by depth and
 * name), where the page policy beside it only narrows it further. Cache rules
 * never overlap: hashed assets get one rule, every other top-level file and
 * folder the short one.
 */
export function headersFile(base: string, files: string[], searchIndex: string): string {
  const rules = new Map<string, Record<string, string>>();
  const add = (path: string, headers: Record<string, string>) => {
    const key = withBase(path, base);
    rules.set(key, { ...rules.get(key), ...headers });
  };
  add('/*', { ...SECURITY_HEADERS, 'Content-Security-Policy': PAGE_HEADER_POLICY });
  add(`/${HASHED_ASSETS}/*`, { 'Cache-Control': ASSET_CACHE_CONTROL });
  add('/', { 'Cache-Control': HTML_CACHE_CONTROL });

  const folders = new Map<string, string[]>([[searchIndex, []]]);
  const topFiles: string[] = [];
  for (const path of files) {
    const slash = path.indexOf('/');
    const folder = path.slice(0, slash);
    if (slash < 0) topFiles.push(path);
    else if (folders.has(folder)) folders.get(folder)?.push(path);
    else folders.set(folder, [path]);
  }
  const besidePages = new Set<string>();
  for (const [folder, inside] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const folderRule = `/${folder}/*`;
    if (folder !== HASHED_ASSETS) add(folderRule, { 'Cache-Control': HTML_CACHE_CONTROL });
    if (!inside.some(isPage)) {
      add(folderRule, { 'Content-Security-Policy': folder === searchIndex ? SEARCH_INDEX_POLICY : FILE_POLICY });
    } else for (const path of inside.filter((path) => !isPage(path))) besidePages.add(besidePagesRule(path));
  }
  for (const name of topFiles.filter((name) => !HOST_FILES.has(name)).sort()) {
    add(`/${name}`, {
      'Cache-Control': HTML_CACHE_CONTROL,
      ...(!isPage(name) && { 'Content-Security-Policy': FILE_POLICY }),
    });
  }
  for (const rule of [...besidePages].sort()) add(rule, { 'Content-Security-Policy': FILE_POLICY });
  return `${[...rules].map(([path, headers]) => block(path, headers)).join('\n\n')}\n`;
}

function block(path: string, headers: Record<string, string>): string {
  return [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
}

export function redirectsFile(redirects: Array<{ from: string; to: string }>, base: string): string {
  return (
    redirects.map(({ from, to }) => `${withBase(from, base)} ${withBase(to, base)} 301`).join('\n') +
    (redirects.length ? '\n' : '')
  );
}

/**
 * Every file in a built site, as paths relative to it with `/`, but those in
 * the top-level folder `leaveOut`. Synchronous: as promises, the walk over
 * tens of thousands of files waited on the thread pool for seconds.
 */
function siteFiles(dir: URL, leaveOut: string): string[] {
  const root = fileURLToPath(dir);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.name !== leaveOut)
    .flatMap((entry) => (entry.isDirectory() ? entriesBelow(join(root, entry.name)) : [entry]))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * `redirects` are every old permalink and the article it now leads to;
 * `searchIndex` is the search index's top-level folder, which npm run build
 * writes while this runs, and which the headers cover too.
 */
export default function cdnFiles({
  redirects,
  searchIndex,
}: {
  redirects: Array<{ from: string; to: string }>;
  searchIndex: string;
}): AstroIntegration {
  let base = '/';
  return {
    name: 'nyhetsleser-cdn-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        // The search index's rules do not depend on its files, which npm run build is writing meanwhile.
        await writeFile(new URL('_headers', dir), headersFile(base, siteFiles(dir, searchIndex), searchIndex));
        await writeFile(new URL('_redirects', dir), redirectsFile(redirects, base));
      },
    },
  };
}
