import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Puts a link to each section beside its heading, so that readers can share
 * a section: `<a class="heading-anchor" href="#alltid-sammen">`. It is hidden
 * until the heading is hovered or the link has keyboard focus, and screen
 * readers hear which section it links to. Runs after the headings have ids.
 */
export default function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'h2' || !parent || index === undefined || typeof node.properties.id !== 'string') return;
      // Search leaves it out: it is navigation, not the article's text.
      const anchor = h(
        'a',
        { className: ['heading-anchor'], href: `#${node.properties.id}`, dataPagefindIgnore: true },
        [
          h('span', { ariaHidden: 'true' }, '#'),
          h('span', { className: ['visually-hidden'] }, `Lenke til seksjonen «${toString(node).trim()}»`),
        ],
      );
      parent.children.splice(index, 1, h('div', { className: ['section-heading'] }, [node, anchor]));
      return SKIP;
    });
  };
}
