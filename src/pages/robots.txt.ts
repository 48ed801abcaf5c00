import type { APIRoute } from 'astro';
import { absoluteUrl } from '../content/permalink.ts';

/** Lets every crawler in, and names the sitemaps: the whole site's, and the news sitemap of the last two days. */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => absoluteUrl(path, site?.href ?? '', import.meta.env.BASE_URL);
  const sitemaps = ['/sitemap-index.xml', '/sitemap-news.xml'].map((path) => `Sitemap: ${url(path)}\n`).join('');
  return new Response(`User-agent: *\nAllow: /\n\n${sitemaps}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
