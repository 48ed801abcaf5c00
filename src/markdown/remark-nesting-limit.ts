import type { Root } from 'mdast';
import { assertNestingLimit } from './nesting-limit.ts';

/**
 * Refuses markdown that nests deeper than the limit, with a NestingLimitError,
 * before any recursive plugin walks it. Runs first.
 */
export default function remarkNestingLimit() {
  return (tree: Root) => assertNestingLimit(tree);
}
