/** The values astro.config.mjs hands to the site's modules (see virtual-module.ts). */

declare module 'virtual:nyhetsleser/site-config' {
  const config: import('./config.ts').SiteConfig;
  export default config;
}

declare module 'virtual:nyhetsleser/articles' {
  /** The config's frontmatter pass over every article. */
  const report: import('../content/check.ts').FrontmatterReport;
  export default report;
}
