import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeFigures from './rehype-figures.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeHtmlPolicy from './rehype-html-policy.ts';
import rehypeSections from './rehype-sections.ts';
import remarkLede from './remark-lede.ts';
import remarkNestingLimit from './remark-nesting-limit.ts';
import remarkNorwegianTypography from './remark-norwegian-typography.ts';
import remarkReadingTime from './remark-reading-time.ts';

/**
 * The article pipeline, in order. Raw HTML is parsed and held to the policy
 * first, so that no other plugin sees what it removes; sections and anchors
 * come last, since they need the heading ids.
 */
export const remarkPlugins: RemarkPlugins = [
  remarkNestingLimit,
  remarkNorwegianTypography,
  remarkLede,
  remarkReadingTime,
];
export const rehypePlugins: RehypePlugins = [
  rehypeRaw,
  rehypeHtmlPolicy,
  rehypeHeadingIds,
  rehypeFigures,
  rehypeSections,
  rehypeHeadingAnchors,
];
