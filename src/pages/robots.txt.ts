import type { APIRoute } from 'astro';
import { absoluteUrl } from '../content/permalink.ts';

/** Lets every crawler in, and names the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl('/sitemap-index.xml', site?.href ?? '', import.meta.env.BASE_URL);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
