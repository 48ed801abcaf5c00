import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';

const SECTION_HEADING = 'h2';

function isSectionHeading(node: RootContent): node is Element {
  return node.type === 'element' && node.tagName === SECTION_HEADING;
}

/** A section the body already has, such as the footnotes: it stands after the others, never inside one. */
function isOwnSection(node: RootContent): boolean {
  return node.type === 'element' && node.tagName === 'section';
}

function isBlank(nodes: ElementContent[]): boolean {
  return nodes.every((node) => node.type === 'text' && !node.value.trim());
}

/**
 * Groups the body into its opening and its sections: the text before the
 * first subheading becomes `<div class="opening">`, and each subheading with
 * what follows it becomes a `<section>` labelled by that heading. A section
 * already made, the footnotes, stays after them.
 */
export default function rehypeSections() {
  return (tree: Root) => {
    const opening: ElementContent[] = [];
    const sections: Element[] = [];
    const ownSections: RootContent[] = [];
    for (const node of tree.children) {
      if (node.type === 'doctype') continue;
      if (isOwnSection(node)) {
        ownSections.push(node);
      } else if (isSectionHeading(node)) {
        sections.push(h('section', { ariaLabelledBy: String(node.properties.id ?? '') || undefined }, [node]));
      } else {
        (sections.at(-1)?.children ?? opening).push(node);
      }
    }
    tree.children = [
      ...(isBlank(opening) ? [] : [h('div', { className: ['opening'] }, opening)]),
      ...sections,
      ...ownSections,
    ];
  };
}
