import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { reportProblem } from './body-report.ts';
import { applyHtmlPolicy, htmlPolicyViolations } from './html-policy.ts';
import { keepWithinNestingLimit } from './nesting-limit.ts';

/**
 * Holds raw HTML in the markdown to the allow-list in src/markdown/html-policy.ts:
 * scripts, event attributes, unsafe URLs and foreign iframes are removed
 * before any other plugin sees the tree, and each removal is reported. Needs
 * raw HTML already parsed, and checks first that it does not nest deeper
 * than the limit; a tree that does is not rendered at all.
 */
export default function rehypeHtmlPolicy() {
  return (tree: Root, file: VFile) => {
    if (!keepWithinNestingLimit(tree, file)) return;
    const clean = applyHtmlPolicy(tree);
    for (const { node, message } of htmlPolicyViolations(tree, clean)) reportProblem(file, node, message);
    tree.children = clean.children;
  };
}
