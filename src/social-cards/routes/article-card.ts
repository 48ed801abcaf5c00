import type { APIRoute, GetStaticPaths, ImageMetadata } from 'astro';
import cacheDir from 'virtual:nyhetsleser/card-cache';
import { type Article, articlePermalinkParts, getArticlesNewestFirst } from '../../site/articles.ts';
import { articleCard, socialCardResponse } from '../cards.ts';

/** Each article's card, beside its page: /2025/09/02/<slug>/card.png */
export const getStaticPaths = (async () => {
  const articles = await getArticlesNewestFirst();
  return articles.map((article) => ({ params: articlePermalinkParts(article), props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = ({ props: { article } }) => {
  const photo = article.data.photo?.src as (ImageMetadata & { fsPath?: string }) | undefined;
  return socialCardResponse(articleCard(article.data, photo?.fsPath), cacheDir);
};
