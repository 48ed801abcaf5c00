import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import type { BodyReport } from '../../src/markdown/body-report.ts';
import { articleMarkdown } from '../../src/markdown/index.ts';

/**
 * Runs markdown through remark, the given plugins and rehype, the way Astro's
 * unified processor orders them; with the body report the plugins made, if any.
 */
export async function renderMarkdown(
  markdown: string,
  {
    remark = [],
    rehype = [],
    frontmatter = {},
    path,
  }: { remark?: Pluggable[]; rehype?: Pluggable[]; frontmatter?: Record<string, unknown>; path?: string } = {},
) {
  const file = await unified()
    .use(remarkParse)
    .use(remark)
    .use(remarkRehype)
    .use(rehype)
    .use(rehypeStringify)
    .process({ value: markdown, ...(path && { path }), data: { astro: { frontmatter: { ...frontmatter } } } });
  return { html: String(file), frontmatter: file.data.astro?.frontmatter ?? {}, report: file.data.bodyReport };
}

const articleRenderers = new Map<string, Promise<MarkdownRenderer>>();

/**
 * Renders a body through the whole article pipeline, as Astro and `npm run
 * check` do, and returns the HTML and the body report the pipeline made.
 * `file` places the body in a folder, for its photos.
 */
export async function renderArticleBody(markdown: string, { base = '/', file }: { base?: string; file?: string } = {}) {
  let renderer = articleRenderers.get(base);
  if (!renderer) {
    const { syntaxHighlight, processor } = articleMarkdown({ base });
    renderer = processor.createRenderer({ syntaxHighlight });
    articleRenderers.set(base, renderer);
  }
  const { code, metadata } = await (
    await renderer
  ).render(markdown, {
    frontmatter: {},
    ...(file && { fileURL: pathToFileURL(file) }),
  });
  return { html: code, report: metadata.frontmatter.bodyReport as BodyReport };
}
