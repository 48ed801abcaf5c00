import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { reportProblem } from './body-report.ts';

/**
 * How deep quotes, lists and HTML may nest in an article. News needs three or
 * four levels; the limit is generous, and it stops hostile input from
 * exhausting the stack of the recursive tree walkers downstream.
 */
export const MAX_NESTING = 100;

/** Raised when an article nests deeper than `MAX_NESTING`. */
export class NestingLimitError extends Error {
  override name = 'NestingLimitError';
}

/** The depth of a tree, walked with a stack of its own so that it cannot overflow the call stack. */
export function treeDepth(root: Node): number {
  let deepest = 0;
  const pending: Array<[Node, number]> = [[root, 0]];
  while (pending.length) {
    const [node, depth] = pending.pop() as [Node, number];
    deepest = Math.max(deepest, depth);
    const children = 'children' in node && Array.isArray(node.children) ? (node.children as Node[]) : [];
    for (const child of children) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Elements that never hold others, so never deepen the nesting. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * How deep raw HTML could nest, counted from its tags alone: each opening
 * tag goes one deeper and each closing tag one back. Unclosed tags count as
 * open, so this never says less than a parser would build.
 */
export function rawHtmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name = '', selfClosing] of html.matchAll(
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g,
  )) {
    if (VOID_ELEMENTS.has(name.toLowerCase()) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/**
 * Throws a `NestingLimitError` for a tree deeper than the limit. For a
 * markdown tree, the raw HTML in it counts too, since parsing it later builds
 * the deeper tree; it is checked here, before anything parses it.
 */
export function assertNestingLimit(root: Node): void {
  const html: string[] = [];
  const pending: Node[] = [root];
  while (pending.length) {
    const node = pending.pop() as Node;
    if (node.type === 'html' && 'value' in node) html.push(String(node.value));
    if ('children' in node && Array.isArray(node.children)) pending.push(...(node.children as Node[]));
  }
  const depth = treeDepth(root) + rawHtmlDepth(html.join(''));
  if (depth > MAX_NESTING) {
    throw new NestingLimitError(
      `nests ${depth} levels deep, more than the ${MAX_NESTING} an article may: flatten the quotes, lists or HTML`,
    );
  }
}

/**
 * Reports a tree deeper than the limit and empties it, so that no recursive
 * walker downstream meets it: the article renders nothing, and the check
 * says why. True when the tree is within the limit.
 */
export function keepWithinNestingLimit(tree: Parent, file: VFile): boolean {
  try {
    assertNestingLimit(tree);
    return true;
  } catch (error) {
    if (!(error instanceof NestingLimitError)) throw error;
    reportProblem(file, undefined, error.message);
    tree.children = [];
    return false;
  }
}
