import { defineCollection } from 'astro:content';
import report from 'virtual:nyhetsleser/articles';
import site from 'virtual:nyhetsleser/site-config';
import { articleLoader } from './content/loader.ts';
import { withPhotoFile } from './content/schema.ts';

const articles = defineCollection({
  loader: articleLoader({ contentDir: site.contentDir, report }),
  schema: ({ image }) => withPhotoFile(image()),
});

export const collections = { articles };
