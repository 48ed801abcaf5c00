// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/markdown/index.ts';
import cdnFiles from './src/site/cdn-files.ts';
import socialCards from './src/social-cards/integration.ts';
import searchIndex from './src/site/search-index.ts';
import { siteConfigFromEnvironment } from './src/site/config.ts';
import { checkContent, redirectsOf } from './src/content/check.ts';
import { shareFrontmatterReport } from './src/content/loader.ts';
import { siteCards } from './src/social-cards/cards.ts';

const { site, base, contentDir } = siteConfigFromEnvironment(process.env);
// The frontmatter is read once here, for what the integrations need to know of the articles up front,
// and the report handed on to the articles' loader.
const frontmatterReport = await checkContent(contentDir, { bodies: false });
shareFrontmatterReport(contentDir, frontmatterReport);
const { articles } = frontmatterReport;
const redirects = redirectsOf(articles);
// Old permalinks serve redirect pages, which have no place in the sitemap.
const redirectPaths = new Set(redirects.map(({ from }) => from));

export default defineConfig({
  site,
  base,
  // Test builds run side by side, each with a cache of its own.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
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
  },
  markdown: {
    // News has no code to highlight, and Shiki's inline styles would need 'unsafe-inline'.
    syntaxHighlight: false,
    // Smartypants would print English “” quotes; Norwegian typography is a plugin of ours.
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false }),
  },
  integrations: [
    sitemap({ filter: (page) => !redirectPaths.has(new URL(page).pathname.slice(base.length - 1)) }),
    socialCards({ cards: siteCards(articles) }),
    searchIndex(),
    // Last, so that _headers also covers the search index's folder and the cards put in place before it.
    cdnFiles({ redirects }),
  ],
  security: {
    // Astro hashes every style and script it emits into a CSP meta tag: no 'unsafe-inline'.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  devToolbar: { enabled: false },
});
