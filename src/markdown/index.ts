import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeFigures from './rehype-figures.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeSections from './rehype-sections.ts';
import remarkLede from './remark-lede.ts';
import remarkNorwegianTypography from './remark-norwegian-typography.ts';
import remarkReadingTime from './remark-reading-time.ts';

/** The article pipeline, in order. Sections and anchors come last: they need the heading ids. */
export const remarkPlugins: RemarkPlugins = [remarkNorwegianTypography, remarkLede, remarkReadingTime];
export const rehypePlugins: RehypePlugins = [rehypeHeadingIds, rehypeFigures, rehypeSections, rehypeHeadingAnchors];
