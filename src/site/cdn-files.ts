import { readdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { withBase } from '../content/permalink.ts';

/**
 * Writes the files static hosts read beside the pages: `_headers` (Netlify and
 * Cloudflare Pages) with caching and security headers, and `_redirects` with
 * every old permalink. Both honour the site's base.
 */

/** Headers for every response. The CSP itself is in each page's meta tag, from Astro. */
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

function block(path: string, headers: Record<string, string>): string {
  return [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
}

/** Astro's folder of content-hashed files. */
const HASHED_ASSETS = '_astro';

/**
 * The `_headers` file for a built site whose top level holds `topLevel`.
 * Security headers go on every path. Cache rules never overlap, because hosts
 * join the values of a header that two matching rules set: hashed assets get
 * one rule, and every other top-level file and folder gets the short one.
 */
export function headersFile(base: string, topLevel: Array<{ name: string; isDirectory: boolean }>): string {
  const shortLived = topLevel
    .filter(({ name }) => name !== HASHED_ASSETS && !name.startsWith('_headers') && name !== '_redirects')
    .map(({ name, isDirectory }) => (isDirectory ? `/${name}/*` : `/${name}`))
    .sort();
  return `${[
    block(withBase('/*', base), SECURITY_HEADERS),
    block(withBase(`/${HASHED_ASSETS}/*`, base), { 'Cache-Control': ASSET_CACHE_CONTROL }),
    ...[base, ...shortLived.map((path) => withBase(path, base))].map((path) =>
      block(path, { 'Cache-Control': HTML_CACHE_CONTROL }),
    ),
  ].join('\n\n')}\n`;
}

export function redirectsFile(redirects: Array<{ from: string; to: string }>, base: string): string {
  return (
    redirects.map(({ from, to }) => `${withBase(from, base)} ${withBase(to, base)} 301`).join('\n') +
    (redirects.length ? '\n' : '')
  );
}

/**
 * `redirects` are every old permalink and the article it now leads to;
 * `laterFolders` are top-level folders written after Astro, which the
 * headers cover too.
 */
export default function cdnFiles({
  redirects,
  laterFolders = [],
}: {
  redirects: Array<{ from: string; to: string }>;
  laterFolders?: string[];
}): AstroIntegration {
  let base = '/';
  return {
    name: 'nyhetsleser-cdn-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        const topLevel = [
          ...(await readdir(dir, { withFileTypes: true })).map((entry) => ({
            name: entry.name,
            isDirectory: entry.isDirectory(),
          })),
          ...laterFolders.map((name) => ({ name, isDirectory: true })),
        ];
        await writeFile(new URL('_headers', dir), headersFile(base, topLevel));
        await writeFile(new URL('_redirects', dir), redirectsFile(redirects, base));
      },
    },
  };
}
