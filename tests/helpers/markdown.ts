import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';

/** Runs markdown through remark, the given plugins and rehype, the way Astro's unified processor orders them. */
export async function renderMarkdown(
  markdown: string,
  {
    remark = [],
    rehype = [],
    frontmatter = {},
  }: { remark?: Pluggable[]; rehype?: Pluggable[]; frontmatter?: Record<string, unknown> } = {},
) {
  const file = await unified()
    .use(remarkParse)
    .use(remark)
    .use(remarkRehype)
    .use(rehype)
    .use(rehypeStringify)
    .process({ value: markdown, data: { astro: { frontmatter: { ...frontmatter } } } });
  return { html: String(file), frontmatter: file.data.astro?.frontmatter ?? {} };
}
