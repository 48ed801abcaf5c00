import type { Node } from 'unist';

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

/** Throws a `NestingLimitError` for a tree deeper than the limit. */
export function assertNestingLimit(root: Node): void {
  const depth = treeDepth(root);
  if (depth > MAX_NESTING) {
    throw new NestingLimitError(
      `nests ${depth} levels deep, more than the ${MAX_NESTING} an article may: flatten the quotes, lists or HTML`,
    );
  }
}
