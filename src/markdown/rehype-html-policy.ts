import type { Root } from 'hast';
import { applyHtmlPolicy } from './html-policy.ts';
import { assertNestingLimit } from './nesting-limit.ts';

/**
 * Holds raw HTML in the markdown to the allow-list in src/markdown/html-policy.ts:
 * scripts, event attributes, unsafe URLs and foreign iframes are removed
 * before any other plugin sees the tree. Needs raw HTML already parsed, and
 * checks first that the HTML does not nest deeper than the limit.
 */
export default function rehypeHtmlPolicy() {
  return (tree: Root) => {
    assertNestingLimit(tree);
    tree.children = applyHtmlPolicy(tree).children;
  };
}
