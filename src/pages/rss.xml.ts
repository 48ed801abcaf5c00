import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { toHtml } from 'hast-util-to-html';
import { feedInstant } from '../content/dates.ts';
import { articleHref, getArticlesNewestFirst, renderArticle } from '../site/articles.ts';
import { SITE_NAME } from '../site/config.ts';
import { feedHtml } from '../site/feed.ts';
import { summarize } from '../site/seo.ts';

/** How many of the newest articles the feed carries. */
const FEED_LENGTH = 50;

/** The RSS feed, with each article's full text in content:encoded. */
export const GET: APIRoute = async ({ site }) => {
  const siteUrl = site ?? new URL('http://localhost/');
  const container = await AstroContainer.create();
  const articles = (await getArticlesNewestFirst()).slice(0, FEED_LENGTH);
  const items = await Promise.all(
    articles.map(async (article) => {
      const { Content, remarkPluginFrontmatter } = await renderArticle(article);
      return {
        title: article.data.title,
        link: articleHref(article),
        pubDate: feedInstant(article.data.published),
        // Feed readers read a description as HTML: the lede is text, so its < and & must stay characters.
        description: toHtml({
          type: 'text',
          value: summarize(article.data.lede ?? remarkPluginFrontmatter.lede ?? ''),
        }),
        content: feedHtml(
          await container.renderToString(Content),
          new URL(articleHref(article), siteUrl),
          // A photo without its file is told in the body, after the lede.
          article.data.photo?.src ? article.data.photo : undefined,
          article.data.corrections,
        ),
        categories: article.data.tags,
      };
    }),
  );
  const feedUrl = new URL(`${import.meta.env.BASE_URL}rss.xml`, siteUrl).href;
  return rss({
    title: SITE_NAME,
    description: 'Nyheter fra NTB, siste først.',
    site: new URL(import.meta.env.BASE_URL, siteUrl).href,
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // Where the feed itself is, so that a reader given a copy can find the original.
    customData: `<language>nb</language><atom:link href="${feedUrl}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};
