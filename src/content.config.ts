// The function that `astro:content` wraps (its wrapper adds a check for live collections, which the function
// makes too): `astro:content` would have Vite load Astro's whole page runtime, module by module, before a build
// can load the articles.
import { defineCollection } from 'astro/content/config';
import report from 'virtual:nyhetsleser/articles';
import site from 'virtual:nyhetsleser/site-config';
import { articleLoader } from './content/loader.ts';
import { withPhotoFile } from './content/schema.ts';

const articles = defineCollection({
  loader: articleLoader({ contentDir: site.contentDir, report }),
  schema: ({ image }) => withPhotoFile(image()),
});

export const collections = { articles };
