import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { applyHtmlPolicy, htmlPolicyViolations } from '../../src/markdown/html-policy.ts';
import { MAX_NESTING, rawHtmlDepth } from '../../src/markdown/nesting-limit.ts';
import { lostWarning, treeBlocks } from './blocks.ts';
import { type WireBlock, WireFormatError } from './wire.ts';

/**
 * A body of HTML (ninjs' body_html) as the import's blocks: it goes through
 * the site's one HTML policy first, and what the policy removes is named.
 * Paragraphs, list items, cells and other blocks are paragraphs, h1 to h6
 * subheadings; within them, emphasis, strong text, links and line breaks are
 * kept, and any other element the policy allows gives its text.
 */

export function htmlBlocks(html: string): { blocks: WireBlock[]; warnings: string[] } {
  // Counted from the tags before parsing: the parser and the tree walkers after it recurse, and would overflow.
  const depth = rawHtmlDepth(html);
  if (depth > MAX_NESTING) {
    throw new WireFormatError(
      `has body HTML nested ${depth} levels deep, more than the ${MAX_NESTING} an article may: flatten it`,
    );
  }
  const tree: Root = fromHtml(html, { fragment: true });
  const clean = applyHtmlPolicy(tree);
  const removed = [
    ...new Set(htmlPolicyViolations(tree, clean).map(({ message }) => message.replace(/: remove it$/, ''))),
  ];
  const { blocks, lost } = treeBlocks(clean, { marks: true });
  return {
    blocks,
    warnings: [
      ...(removed.length ? [`the site's HTML policy removed from the body: ${removed.join('; ')}`] : []),
      ...lostWarning(lost),
    ],
  };
}

/** A plain-text body (ninjs' body_text): paragraphs are separated by blank lines. */
export function textBlocks(text: string): WireBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => ({ type: 'paragraph', text: paragraph }));
}
