import type { APIRoute } from 'astro';
import { machineDate } from '../content/dates.ts';
import { articleHref, getArticlesNewestFirst } from '../site/articles.ts';
import { SITE_LANGUAGE, SITE_NAME } from '../site/config.ts';
import { NEWS_LIMIT, NEWS_WINDOW_MS, xmlText } from '../site/sitemaps.ts';

/**
 * The Google News sitemap: the articles published in the two days before
 * the build, newest first, at most a thousand, each with its publication,
 * date and headline. An older archive has nothing in it, which is valid.
 */
export const GET: APIRoute = async ({ site }) => {
  const builtAt = Date.now();
  const recent = (await getArticlesNewestFirst())
    .filter(({ data }) => data.published.getTime() <= builtAt && builtAt - data.published.getTime() <= NEWS_WINDOW_MS)
    .slice(0, NEWS_LIMIT);
  const urls = recent.map(
    (article) => `  <url>
    <loc>${xmlText(new URL(articleHref(article), site).href)}</loc>
    <news:news>
      <news:publication><news:name>${xmlText(SITE_NAME)}</news:name><news:language>${SITE_LANGUAGE}</news:language></news:publication>
      <news:publication_date>${machineDate(article.data.published)}</news:publication_date>
      <news:title>${xmlText(article.data.title)}</news:title>
    </news:news>
  </url>
`,
  );
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('')}</urlset>
`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
};
