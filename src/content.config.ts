import { defineCollection } from 'astro:content';
import { articleLoader } from './content/loader.ts';
import { createArticleSchema } from './content/schema.ts';
import { siteConfigFromEnvironment } from './site/config.ts';

const articles = defineCollection({
  loader: articleLoader(siteConfigFromEnvironment(process.env).contentDir),
  schema: ({ image }) => createArticleSchema(image()),
});

export const collections = { articles };
