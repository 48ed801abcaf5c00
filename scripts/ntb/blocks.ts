import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { PhrasingContent } from 'mdast';
import type { WireBlock } from './wire.ts';

/**
 * A body's text as the import's blocks, from HTML (ninjs) or from NITF's XML
 * made into the same tree. Every piece of text an element holds ends up in a
 * block, whatever the element: a body the site cannot show as it was sent
 * still says all it said. What holds no text (an image, an embed) is named,
 * so that the editor knows it was left out.
 *
 * The tree must be no deeper than MAX_NESTING: the walk recurses.
 */

const SUBHEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hl1', 'hl2']);

/** Elements whose content stands apart from the text around it; any other element is part of its sentence. */
const BLOCKS = new Set([
  ...SUBHEADINGS,
  ...['p', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'div', 'section', 'article', 'aside', 'header', 'footer', 'main'],
  ...['blockquote', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  ...['pre', 'details', 'summary', 'address', 'hr', 'nav'],
  // NITF's own: a block of text, a block quote and its credit, a table, a footnote and a note.
  ...['block', 'bq', 'credit', 'nitf-table', 'fn', 'note'],
]);

/** What carries no text, so cannot be kept in a body of text; how it is named in the warning. */
function describeLost(node: Element): string | undefined {
  // NITF names a media element's file on its media-reference.
  const reference = node.children.find((child) => child.type === 'element' && child.tagName === 'media-reference');
  const source = node.properties.src ?? (reference?.type === 'element' ? reference.properties.source : undefined);
  const from = typeof source === 'string' ? ` ${source}` : '';
  switch (node.tagName) {
    case 'img':
    case 'picture':
      return `an image${from}`;
    case 'iframe':
    case 'embed':
    case 'object':
      return `an embed${from}`;
    case 'video':
    case 'audio':
    case 'media':
      return `a ${String(node.properties['media-type'] ?? node.tagName)}${from}`;
    default:
      return undefined;
  }
}

export interface BlockOptions {
  /** Whether emphasis, strong text, links and line breaks are kept (HTML) or the text alone (NITF). */
  marks: boolean;
  /** Elements the caller reads itself, such as NITF's lead photo and lede. */
  skip?: (node: Element) => boolean;
}

type Node = RootContent | ElementContent;

const hasBlock = (node: Element): boolean =>
  node.children.some((child) => child.type === 'element' && (BLOCKS.has(child.tagName) || hasBlock(child)));

class Reader {
  readonly blocks: WireBlock[] = [];
  readonly lost: string[] = [];
  private readonly options: BlockOptions;
  constructor(options: BlockOptions) {
    this.options = options;
  }

  /** A stretch of content: its inline runs are blocks of `type`, and its block elements blocks of their own. */
  flow(nodes: Node[], type: WireBlock['type'], line?: number): void {
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.length) this.add(type, run, line);
      run = [];
    };
    for (const node of nodes) {
      if (node.type === 'text') run.push(node);
      if (node.type !== 'element' || this.options.skip?.(node)) continue;
      if (BLOCKS.has(node.tagName) || (!describeLost(node) && hasBlock(node))) {
        flush();
        const own = SUBHEADINGS.has(node.tagName) ? 'subheading' : BLOCKS.has(node.tagName) ? 'paragraph' : type;
        this.flow(node.children, own, node.position?.start.line ?? line);
      } else {
        run.push(node);
      }
    }
    flush();
  }

  private inline(node: ElementContent): PhrasingContent[] {
    if (node.type === 'text') return [{ type: 'text', value: node.value }];
    if (node.type !== 'element' || this.options.skip?.(node)) return [];
    const lost = describeLost(node);
    // Its text is a fallback for readers it cannot play for, or a caption for what is not shown: not the story's.
    if (lost) {
      this.lost.push(lost);
      return [];
    }
    if (node.tagName === 'br') return this.options.marks ? [{ type: 'break' }] : [{ type: 'text', value: ' ' }];
    const children = node.children.flatMap((child) => this.inline(child));
    if (!this.options.marks) return children;
    const { href } = node.properties;
    switch (node.tagName) {
      case 'em':
      case 'i':
        return [{ type: 'emphasis', children }];
      case 'strong':
      case 'b':
        return [{ type: 'strong', children }];
      case 'a':
        return typeof href === 'string' ? [{ type: 'link', url: href, children }] : children;
      default:
        return children;
    }
  }

  private add(type: WireBlock['type'], run: ElementContent[], line: number | undefined) {
    const children = trimBlock(tidy(run.flatMap((node) => this.inline(node))));
    const text = plainText(children);
    if (!text) return;
    // Plain text needs no markup of its own: a block of it reads the same as the wire text's.
    const marked = children.some((child) => child.type !== 'text');
    this.blocks.push({ type, text, ...(marked && { children }), ...(line && { line }) });
  }
}

const plainText = (nodes: PhrasingContent[]): string =>
  nodes
    .map((node) => ('value' in node ? node.value : 'children' in node ? plainText(node.children) : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

const isSpace = (node: PhrasingContent | undefined) => node?.type === 'break' || (node?.type === 'text' && !node.value);

/**
 * Phrasing as markdown can write it: white space collapsed, and the white
 * space and line breaks at the ends of emphasis, strong text and links moved
 * out of them, where markdown would lose them and glue the words together.
 * Each node is seen once, its children before it, so that the work grows
 * with the size of the tree and not with its depth.
 */
function tidy(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const push = (node: PhrasingContent) => {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value = `${last.value}${node.value}`.replace(/ {2,}/g, ' ');
    else if (node.type === 'break' && last?.type === 'text') {
      last.value = last.value.trimEnd();
      out.push(node);
    } else if (node.type === 'text' && last?.type === 'break') {
      if (node.value.trimStart()) out.push({ type: 'text', value: node.value.trimStart() });
    } else if (node.type !== 'break' || last?.type !== 'break') out.push(node);
  };
  for (const node of nodes) {
    if (node.type === 'text') push({ type: 'text', value: node.value.replace(/\s+/g, ' ') });
    else if (!('children' in node)) push(node);
    else {
      const children = tidy(node.children);
      const before = takeEdge(children, 'start');
      const after = takeEdge(children, 'end');
      if (before) push(before);
      // Emphasis or a link around nothing is no text: an empty link has nothing to click.
      if (plainText(children)) push({ ...node, children } as PhrasingContent);
      if (after) push(after);
    }
  }
  return out.filter((node) => node.type !== 'text' || node.value);
}

/** Takes the white space and line breaks off one end of tidied phrasing, as one space or one break. */
function takeEdge(nodes: PhrasingContent[], end: 'start' | 'end'): PhrasingContent | undefined {
  let taken: PhrasingContent | undefined;
  for (;;) {
    const node = end === 'start' ? nodes[0] : nodes.at(-1);
    if (node?.type === 'break' || isSpace(node)) {
      if (node?.type === 'break') taken = node;
      if (end === 'start') nodes.shift();
      else nodes.pop();
      continue;
    }
    if (node?.type !== 'text') return taken;
    const trimmed = end === 'start' ? node.value.trimStart() : node.value.trimEnd();
    if (trimmed === node.value) return taken;
    node.value = trimmed;
    taken ??= { type: 'text', value: ' ' };
  }
}

/** A block's ends: markup's white space there is not text, and a line break there breaks nothing. */
function trimBlock(nodes: PhrasingContent[]): PhrasingContent[] {
  takeEdge(nodes, 'start');
  takeEdge(nodes, 'end');
  return nodes;
}

/** The blocks a body's tree holds, and what it held that no block can. */
export function treeBlocks(tree: Root | Element, options: BlockOptions): { blocks: WireBlock[]; lost: string[] } {
  const reader = new Reader(options);
  reader.flow(tree.children, 'paragraph', tree.type === 'element' ? tree.position?.start.line : undefined);
  return { blocks: reader.blocks, lost: [...new Set(reader.lost)] };
}

/** The warning for what a body held that no block can. */
export function lostWarning(lost: string[]): string[] {
  return lost.length ? [`left out of the body, which carries text only: ${lost.join('; ')}`] : [];
}
