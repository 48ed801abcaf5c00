import type { Element as HastElement, ElementContent } from 'hast';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { MAX_NESTING, treeDepth } from '../../src/markdown/nesting-limit.ts';
import { WireFormatError } from './wire.ts';

/**
 * NITF's XML, read safely: no DTD, no deeper than an article may nest, and
 * its text as a reader sees it, CDATA sections included.
 *
 * The XML parser expands the five predefined entities and character
 * references, and nothing else: a DOCTYPE is refused, so no DTD, internal
 * entity or external entity is ever read or expanded.
 */

const DTD_REFUSAL =
  'has a <!DOCTYPE>: DTDs and entities are refused, and nothing they name is read; remove the DOCTYPE and import it again';

const tooDeep = (depth?: number) =>
  new WireFormatError(
    `has XML nested ${depth ? `${depth} levels` : 'too'} deep, more than the ${MAX_NESTING} an article may: flatten it`,
  );

export function parseXml(source: string): Root {
  let tree: Root;
  try {
    tree = fromXml(source);
  } catch (error) {
    // The parser builds its tree recursively: a document nested thousands deep overflows the stack.
    const { cause, place } = error as { cause?: { message?: string }; place?: { line?: number } };
    if (error instanceof RangeError || cause instanceof RangeError) throw tooDeep();
    // The parser stops at the first entity the DOCTYPE would declare: the DOCTYPE is the cause to name.
    if (/<!DOCTYPE/i.test(source)) throw new WireFormatError(DTD_REFUSAL);
    const reason = (cause?.message ?? String(error)).split('\n')[0]?.replace(/ \(line \d+, column \d+\)$/, '');
    throw new WireFormatError(`is not well-formed XML: ${reason}`, place?.line);
  }
  const doctype = tree.children.find((node) => node.type === 'doctype');
  if (doctype) throw new WireFormatError(DTD_REFUSAL, doctype.position?.start.line);
  // Everything after this walks the tree recursively.
  const depth = treeDepth(tree);
  if (depth > MAX_NESTING) throw tooDeep(depth);
  return tree;
}

/** An element's text: CDATA is text, and a line break is a space between the words it parts. */
export function xmlText(node: Element): string {
  return node.children
    .map((child) =>
      child.type === 'text' || child.type === 'cdata'
        ? child.value
        : child.type !== 'element'
          ? ''
          : child.name === 'br'
            ? ' '
            : xmlText(child),
    )
    .join('');
}

/**
 * An element as HTML's tree, which the body's blocks are read from, without
 * the elements `skip` picks: CDATA is text, comments and instructions are not.
 */
export function toHast(node: Element, skip: (element: Element) => boolean = () => false): HastElement {
  const children = node.children.flatMap((child): ElementContent[] => {
    if (child.type === 'text' || child.type === 'cdata') {
      return [{ type: 'text', value: child.value, ...(child.position && { position: child.position }) }];
    }
    return child.type === 'element' && !skip(child) ? [toHast(child, skip)] : [];
  });
  return {
    type: 'element',
    tagName: node.name,
    properties: { ...node.attributes },
    children,
    ...(node.position && { position: node.position }),
  };
}
