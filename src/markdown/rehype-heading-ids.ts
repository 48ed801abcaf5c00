import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugAllocator } from './slug.ts';

/**
 * Gives every heading an ASCII id that is unique on the page, transliterated
 * like permalinks: "– Alltid sammen" → `alltid-sammen`, "Økonomi" → `okonomi`.
 * Astro's own heading pass runs later and keeps these ids.
 */
export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const allocate = createSlugAllocator('seksjon');
    visit(tree, 'element', (node: Element) => {
      if (headingRank(node)) node.properties.id = allocate(toString(node));
    });
  };
}
