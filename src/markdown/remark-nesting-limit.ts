import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { keepWithinNestingLimit } from './nesting-limit.ts';

/**
 * Reports markdown that nests deeper than the limit, and renders none of it,
 * before any recursive plugin walks it. Runs first.
 */
export default function remarkNestingLimit() {
  return (tree: Root, file: VFile) => {
    keepWithinNestingLimit(tree, file);
  };
}
