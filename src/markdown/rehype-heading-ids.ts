import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportProblem } from './body-report.ts';
import { createSlugAllocator, slugify } from './slug.ts';

/** The id a heading with no letters gets. */
const FALLBACK_ID = 'seksjon';

/**
 * Gives every heading an ASCII id that is unique on the page, transliterated
 * like permalinks: "– Alltid sammen" → `alltid-sammen`, "Økonomi" → `okonomi`.
 * An id the heading already has (the footnotes' label) is kept. Two headings
 * that read alike in ASCII get a warning, since the second one's id changes
 * when the first one's words do. Astro's own heading pass runs later and
 * keeps these ids.
 */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const allocate = createSlugAllocator(FALLBACK_ID);
    const firstWithSlug = new Map<string, string>();
    visit(tree, 'element', (node: Element) => {
      if (!headingRank(node) || typeof node.properties.id === 'string') return;
      const text = toString(node).trim();
      const id = allocate(text);
      node.properties.id = id;
      const plain = slugify(text) || FALLBACK_ID;
      const first = firstWithSlug.get(plain);
      if (first === undefined) {
        firstWithSlug.set(plain, text);
      } else {
        reportProblem(
          file,
          node,
          `the heading «${text}» gets the id #${id}, since «${first}» already has #${plain}: a link to it breaks if the other is changed, so give it other words`,
          'warning',
        );
      }
    });
  };
}
