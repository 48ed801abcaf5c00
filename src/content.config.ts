import { defineCollection } from 'astro:content';
import { articleLoader } from './lib/article-loader.ts';
import { createArticleSchema } from './lib/article-schema.ts';
import { siteConfigFromEnvironment } from './lib/site.ts';

const articles = defineCollection({
  loader: articleLoader(siteConfigFromEnvironment(process.env).contentDir),
  schema: ({ image }) => createArticleSchema(image()),
});

export const collections = { articles };
