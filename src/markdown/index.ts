import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeBodyReport from './rehype-body-report.ts';
import rehypeFigures from './rehype-figures.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeHtmlPolicy from './rehype-html-policy.ts';
import rehypeInternalLinks from './rehype-internal-links.ts';
import rehypeRawImages from './rehype-raw-images.ts';
import rehypeSections from './rehype-sections.ts';
import rehypeUnavailableLeadPhoto from './rehype-unavailable-lead-photo.ts';
import remarkLede from './remark-lede.ts';
import remarkLocalImages from './remark-local-images.ts';
import remarkNestingLimit from './remark-nesting-limit.ts';
import remarkNorwegianTypography from './remark-norwegian-typography.ts';
import remarkReadingTime from './remark-reading-time.ts';

export interface ArticleMarkdownOptions {
  /** The site's base path, `/` or `/nyheter/`, which links to other articles get. */
  base: string;
}

/**
 * The one article pipeline, in order, which both renders and checks: Astro
 * renders every article with it, and `npm run check` runs the same. Raw HTML
 * is parsed and held to the policy first among the rehype plugins, so that
 * none of them sees what it removes; sections and anchors come late, since they need the heading
 * ids, and the links and the report last.
 */
export function articleMarkdown({ base }: ArticleMarkdownOptions) {
  return {
    // News has no code to highlight, and Shiki's inline styles would need 'unsafe-inline'.
    syntaxHighlight: false as const,
    processor: unified({
      remarkPlugins: [remarkNestingLimit, remarkLocalImages, remarkNorwegianTypography, remarkLede, remarkReadingTime],
      rehypePlugins: [
        rehypeRaw,
        rehypeHtmlPolicy,
        rehypeRawImages,
        rehypeHeadingIds,
        rehypeFigures,
        rehypeUnavailableLeadPhoto,
        rehypeSections,
        rehypeHeadingAnchors,
        [rehypeInternalLinks, { base }],
        rehypeBodyReport,
      ],
      // The policy prefixes the content's ids once; footnotes are labelled in Norwegian.
      remarkRehype: {
        clobberPrefix: '',
        footnoteLabel: 'Fotnoter',
        footnoteBackLabel: (index: number) => `Tilbake til henvisning ${index + 1}`,
      },
      // Smartypants would print English “” quotes; Norwegian typography is a plugin of ours.
      smartypants: false,
    }),
  };
}

/**
 * Renders a whole article file as Astro's loader context does with
 * `renderMarkdown`: the frontmatter parsed and the block removed, and the rest
 * through the pipeline that Astro makes from the same processor. For `npm run
 * check`, which so checks each body on the tree the page is made from.
 */
export async function createArticleRenderer(options: ArticleMarkdownOptions) {
  const { syntaxHighlight, processor } = articleMarkdown(options);
  const renderer = await processor.createRenderer({ syntaxHighlight });
  return async (source: string, { fileURL }: { fileURL: URL }) => {
    const { frontmatter, content } = parseFrontmatter(source);
    const { code, metadata } = await renderer.render(content, { frontmatter, fileURL });
    return { html: code, metadata };
  };
}
