import type { ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { applyHtmlPolicy, htmlPolicyViolations } from '../../src/markdown/html-policy.ts';
import type { WireBlock } from './wire.ts';

/**
 * A body of HTML (ninjs' body_html) as the import's blocks: it goes through
 * the site's one HTML policy first, and what the policy removes is named.
 * Paragraphs and list items are paragraphs, h2 to h6 subheadings; within
 * them, emphasis, strong text, links and line breaks are kept, and any other
 * element the policy allows gives its text.
 */

const SUBHEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];
const PARAGRAPHS = ['p', 'li'];

function phrasing(nodes: ElementContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'text') return [{ type: 'text', value: node.value.replace(/\s+/g, ' ') }];
    if (node.type !== 'element') return [];
    const children = phrasing(node.children);
    switch (node.tagName) {
      case 'em':
      case 'i':
        return [{ type: 'emphasis', children }];
      case 'strong':
      case 'b':
        return [{ type: 'strong', children }];
      case 'a':
        return typeof node.properties.href === 'string'
          ? [{ type: 'link', url: node.properties.href, children }]
          : children;
      case 'br':
        return [{ type: 'break' }];
      default:
        return children;
    }
  });
}

/** Markup's white space at the ends of a block is not text. */
function trimEnds(nodes: PhrasingContent[]): PhrasingContent[] {
  const first = nodes[0];
  const last = nodes.at(-1);
  if (first && 'value' in first) first.value = first.value.trimStart();
  else if (first && 'children' in first) trimEnds(first.children);
  if (last && 'value' in last) last.value = last.value.trimEnd();
  else if (last && 'children' in last) trimEnds(last.children);
  return nodes;
}

function block(type: WireBlock['type'], nodes: ElementContent[]): WireBlock {
  const children = trimEnds(phrasing(nodes));
  const text = toString(children).replace(/\s+/g, ' ').trim();
  // Plain text needs no markup of its own: a block of it reads the same as the wire text's.
  const marked = children.some((child) => child.type !== 'text');
  return { type, text, ...(marked && { children }) };
}

export function htmlBlocks(html: string): { blocks: WireBlock[]; removed: string[] } {
  const tree: Root = fromHtml(html, { fragment: true });
  const clean = applyHtmlPolicy(tree);
  const removed = [
    ...new Set(htmlPolicyViolations(tree, clean).map(({ message }) => message.replace(/: remove it$/, ''))),
  ];
  const blocks: WireBlock[] = [];
  visit(clean, 'element', (node) => {
    const type = SUBHEADINGS.includes(node.tagName)
      ? 'subheading'
      : PARAGRAPHS.includes(node.tagName)
        ? 'paragraph'
        : undefined;
    if (!type) return;
    const found = block(type, node.children);
    if (found.text) blocks.push(found);
    return SKIP;
  });
  return { blocks, removed };
}

/** A plain-text body (ninjs' body_text): paragraphs are separated by blank lines. */
export function textBlocks(text: string): WireBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => ({ type: 'paragraph', text: paragraph }));
}
