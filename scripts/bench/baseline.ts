import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The floor Astro itself costs: a bare Astro 7 site over the same articles,
 * with a glob loader, the unified processor and none of our plugins, and a
 * minimal article page. It lives under the project, so that it resolves the
 * project's own Astro from node_modules.
 */
export async function writeBaselineSite(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'src/pages'), { recursive: true });
  await writeFile(
    join(root, 'astro.config.mjs'),
    `import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://bench.example',
  cacheDir: process.env.ASTRO_CACHE_DIR,
  markdown: { processor: unified(), syntaxHighlight: false },
  devToolbar: { enabled: false },
});
`,
  );
  await writeFile(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.md', base: process.env.BENCH_ARTICLES }),
    schema: z.looseObject({ title: z.string(), published: z.coerce.date() }),
  }),
};
`,
  );
  await writeFile(
    join(root, 'src/pages/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((article) => ({ params: { id: article.id }, props: { article } }));
}
const { article } = Astro.props;
const { Content } = await render(article);
---
<html lang="nb"><head><meta charset="utf-8" /><title>{article.data.title}</title></head>
<body><article><h1>{article.data.title}</h1><Content /></article></body></html>
`,
  );
}
