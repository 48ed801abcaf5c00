// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/markdown/index.ts';
import { siteConfigFromEnvironment } from './src/lib/site.ts';

const { site, base } = siteConfigFromEnvironment(process.env);

export default defineConfig({
  site,
  base,
  // Test builds run side by side, each with a cache of its own.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The page's CSS travels inside the HTML, so that it renders in the first round trip.
    inlineStylesheets: 'always',
  },
  markdown: {
    // Smartypants would print English “” quotes; Norwegian typography is a plugin of ours.
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false }),
  },
  devToolbar: { enabled: false },
});
