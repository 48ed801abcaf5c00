import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

/** The one element matching `selector`; fails the test when there is none. */
export function one(tree: Root | Element, selector: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

export function all(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

/** An element's text as a reader sees it: no-break spaces read as spaces, white space collapsed. */
export function text(node: Element): string {
  return toString(node).replaceAll('\u00a0', ' ').replace(/\s+/g, ' ').trim();
}
