// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig, sharpImageService } from 'astro/config';
import { checkFrontmatter, frontmatterReportOf } from './src/content/check.ts';
import { frontmatterCacheIn } from './src/content/frontmatter-cache.ts';
import { redirectsOf } from './src/content/redirects.ts';
import { articleMarkdown } from './src/markdown/index.ts';
import cdnFiles from './src/site/cdn-files.ts';
import inPlaceOutput from './src/site/in-place-output.ts';
import { DEFAULT_CACHE_DIR, siteConfigOrExit } from './src/site/config.ts';
import { PAGE_DIRECTIVES } from './src/site/content-security-policy.ts';
import { SEARCH_INDEX_DIR } from './src/site/search-index.ts';
import { lastModifiedByPermalink } from './src/site/sitemaps.ts';
import { virtualModule } from './src/site/virtual-module.ts';
import socialCards from './src/social-cards/integration.ts';
import { siteCards } from './src/social-cards/cards.ts';

const site = siteConfigOrExit(process.env);
// The one frontmatter pass of a build: what the integrations need to know of the articles up front, and what
// the articles' loader is handed instead of reading every article's frontmatter again.
const content = await checkFrontmatter(site.contentDir, {
  frontmatterCache: await frontmatterCacheIn(site.cacheDir ?? DEFAULT_CACHE_DIR),
});
const redirects = redirectsOf(content.articles);
// Old permalinks serve redirect pages, which have no place in the sitemap.
const redirectPaths = new Set(redirects.map(({ from }) => from));
const lastModified = lastModifiedByPermalink(content.articles);
const cards = siteCards(content.articles);
/** A page's path from the site's root: https://example.no/nyheter/2025/ → /2025/ */
const sitePath = (/** @type {string} */ url) => new URL(url).pathname.slice(site.base.length - 1);

export default defineConfig({
  site: site.site,
  base: site.base,
  // Test builds run side by side, each with a cache of its own.
  ...(site.cacheDir && { cacheDir: site.cacheDir }),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // A page spends much of its time waiting on its file write; with eight in flight the main thread
    // always has one to render.
    concurrency: 8,
    // The page's CSS travels inside the HTML, so that it renders in the first round trip.
    inlineStylesheets: 'always',
  },
  image: {
    // Photos in the body get srcset and sizes for their column, like the lead photo.
    layout: 'constrained',
    breakpoints: [390, 780, 1200, 1600],
    // At sharp's default AVIF effort (4), the AVIF widths of one large photo took longer than all the rest of a
    // publish; effort 2 takes a fraction of that, for slightly larger files (README, benchmarks).
    service: sharpImageService({ avif: { effort: 2 } }),
  },
  markdown: articleMarkdown({ base: site.base }),
  vite: {
    // An editor's save can reach the file system as two writes, and the watcher tells only of the first: `astro
    // dev` reads an edited article once its size has held still, not half of it.
    server: { watch: { awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 } } },
    plugins: [
      virtualModule('virtual:nyhetsleser/site-config', site),
      virtualModule('virtual:nyhetsleser/articles', frontmatterReportOf(content)),
    ],
  },
  integrations: [
    // First: what it removes when Astro is done is what no page kept, before the others write their files anew.
    // The cards of the last build are left for the card integration to check.
    inPlaceOutput({ putRight: cards.map(({ path }) => path) }),
    sitemap({
      filter: (page) => !redirectPaths.has(sitePath(page)),
      // The library writes it as a UTC instant; an article with a date alone gets midnight of that date.
      serialize: (item) => ({ ...item, lastmod: lastModified.get(sitePath(item.url)) ?? item.lastmod }),
    }),
    socialCards({ cards }),
    // Last, so that _headers also covers the cards put in place before it, and the search index that
    // npm run build writes once the pages are.
    cdnFiles({ redirects, searchIndex: SEARCH_INDEX_DIR }),
  ],
  security: {
    // Astro hashes every style and script it emits into a CSP meta tag: no 'unsafe-inline'. The
    // directives are the site's one policy, which _headers also sends (src/site/content-security-policy.ts).
    csp: { directives: [...PAGE_DIRECTIVES] },
  },
  devToolbar: { enabled: false },
  // A page whose cacheKey (src/site/page-keys.ts) and code are as in the last build is copied, not rendered.
  experimental: { incrementalBuild: true },
});
