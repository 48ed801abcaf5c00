import { EMBED_ORIGINS, IMAGE_SCHEMES } from '../markdown/html-policy.ts';

/**
 * The site's Content-Security-Policy, in one place. Pages carry theirs in a
 * meta tag from Astro, which adds the hashes of each page's inline script and
 * style; `_headers` (src/site/cdn-files.ts) sends the policies below as
 * headers. A browser enforces every policy a response has, header and meta
 * alike, so a resource must pass all of them.
 */

/**
 * Every page's directives, which astro.config.mjs gives Astro. What an
 * article may embed or show comes from the HTML policy, so that the CSP never
 * blocks what the policy let through.
 */
export const PAGE_DIRECTIVES = [
  "default-src 'self'",
  `img-src 'self' data: ${IMAGE_SCHEMES.map((scheme) => `${scheme}:`).join(' ')}`,
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${EMBED_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * The header a page is served with: its directives that need no hash. It
 * leaves out `default-src`, which scripts and styles fall back to: without
 * the page's hashes, a header's would block the page's own script and style.
 * It adds `frame-ancestors`, which a meta tag cannot set.
 */
export const PAGE_HEADER_POLICY = [
  ...PAGE_DIRECTIVES.filter((directive) => !directive.startsWith('default-src ')),
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every file that is not a page (feeds, sitemaps, images, cards, Astro's
 * assets), should it be opened on its own: nothing loads or runs, not even a
 * script in an SVG or an XML file. Styles and `data:` images run no code, and
 * keep the browser's own view of an image or a feed as it should look
 * (Chromium draws its XML view's arrows as `data:` images).
 */
export const FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/**
 * The search index: /sok/ runs Pagefind in a worker from this folder, and a
 * worker is held to the policy its script is served with. It fetches the index
 * and compiles Pagefind's WebAssembly, and may do nothing else; `sandbox`
 * would give it an origin of its own, and it could fetch nothing.
 */
export const SEARCH_INDEX_POLICY = "default-src 'none'; connect-src 'self'; script-src 'wasm-unsafe-eval'";
