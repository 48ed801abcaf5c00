import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import { toHtml } from 'hast-util-to-html';
import { articleHref, getArticlesNewestFirst } from '../site/articles.ts';
import { SITE_NAME } from '../site/config.ts';
import { summarize } from '../site/seo.ts';

/** How many of the newest articles the feed carries. */
const FEED_LENGTH = 50;

/** Resolves the article HTML's links and image sources against its URL, since feed readers have no base to resolve them by. */
function absolutize(html: string, articleUrl: URL): string {
  return html.replace(
    /\s(href|src)="([^"]*)"/g,
    (_, attribute: string, url: string) => ` ${attribute}="${new URL(url, articleUrl).href}"`,
  );
}

/** The RSS feed, with each article's full text in content:encoded. */
export const GET: APIRoute = async ({ site }) => {
  const siteUrl = site ?? new URL('http://localhost/');
  const container = await AstroContainer.create();
  const articles = (await getArticlesNewestFirst()).slice(0, FEED_LENGTH);
  const items = await Promise.all(
    articles.map(async (article) => {
      const { Content, remarkPluginFrontmatter } = await render(article);
      return {
        title: article.data.title,
        link: articleHref(article),
        pubDate: article.data.published,
        // Feed readers read a description as HTML: the lede is text, so its < and & must stay characters.
        description: toHtml({
          type: 'text',
          value: summarize(article.data.lede ?? remarkPluginFrontmatter.lede ?? ''),
        }),
        content: absolutize(await container.renderToString(Content), new URL(articleHref(article), siteUrl)),
        categories: article.data.tags,
      };
    }),
  );
  return rss({
    title: SITE_NAME,
    description: 'Nyheter fra NTB, siste først.',
    site: new URL(import.meta.env.BASE_URL, siteUrl).href,
    items,
    customData: '<language>nb</language>',
    trailingSlash: true,
  });
};
