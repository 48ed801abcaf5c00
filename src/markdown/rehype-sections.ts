import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';

const SECTION_HEADING = 'h2';

function isSectionHeading(node: RootContent): node is Element {
  return node.type === 'element' && node.tagName === SECTION_HEADING;
}

function isBlank(nodes: ElementContent[]): boolean {
  return nodes.every((node) => node.type === 'text' && !node.value.trim());
}

/**
 * Groups the body into its opening and its sections: the text before the
 * first subheading becomes `<div class="opening">`, and each subheading with
 * what follows it becomes a `<section>` labelled by that heading.
 */
export default function rehypeSections() {
  return (tree: Root) => {
    const opening: ElementContent[] = [];
    const sections: Element[] = [];
    for (const node of tree.children) {
      if (node.type === 'doctype') continue;
      if (isSectionHeading(node)) {
        sections.push(h('section', { ariaLabelledBy: String(node.properties.id ?? '') || undefined }, [node]));
      } else {
        (sections.at(-1)?.children ?? opening).push(node);
      }
    }
    tree.children = [...(isBlank(opening) ? [] : [h('div', { className: ['opening'] }, opening)]), ...sections];
  };
}
