import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { formatCredit, splitCaptionAndCredit } from './photo-credit.ts';

/** How wide photos are shown: the text column (38rem) on wide screens, the screen less its margins on phones. */
export const PHOTO_SIZES = '(min-width: 40.5rem) 38rem, calc(100vw - 2.5rem)';

function isBlank(node: ElementContent): boolean {
  return node.type === 'text' && !node.value.trim();
}

/** The figcaption of a photo: caption and credit as separate elements, the credit in NTB's form. */
export function photoCaption(caption: string, credit?: string): Element {
  return h('figcaption', { className: ['photo-caption'] }, [
    caption ? h('span', { className: ['caption'] }, caption) : undefined,
    caption && credit ? ' ' : undefined,
    credit ? h('span', { className: ['credit'] }, formatCredit(credit)) : undefined,
  ]);
}

/**
 * Turns a paragraph that holds only an image into a `<figure>`. The image's
 * title is its caption and credit, split at the last " | ":
 * `![Alt](./foto.jpg "Putin i Beijing tirsdag. | Name / AP / NTB")`.
 * The image is sized for the text column.
 */
export default function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      const [image] = content;
      if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
      const title = typeof image.properties.title === 'string' ? image.properties.title.trim() : '';
      delete image.properties.title;
      // Astro's image pass reads this when it writes the srcset.
      image.properties.sizes = PHOTO_SIZES;
      const { caption, credit } = splitCaptionAndCredit(title);
      parent.children[index] = h('figure', { className: ['photo'] }, [
        image,
        title ? photoCaption(caption, credit) : undefined,
      ]);
    });
  };
}
