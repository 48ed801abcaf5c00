import { SKIP, visit } from 'unist-util-visit';
import type { Element, Root } from 'xast';
import { lostWarning, treeBlocks } from './blocks.ts';
import { agencyTime, bylineNames, cleanText, photoOf, uniqueTags, versionNumber } from './fields.ts';
import { type WireArticle, WireFormatError } from './wire.ts';
import { parseXml, toHast, xmlText } from './xml.ts';

/**
 * Reads an NITF 3.x story as NTB sends it (the IPTC NITF 3.6 DTD):
 *
 *     <nitf>
 *       <head>
 *         <docdata>
 *           <doc-id id-string="…"/> <du-key version="2"/> <date.issue norm="20250314T101500+0100"/>
 *           <key-list><keyword key="…"/></key-list>
 *         </docdata>
 *       </head>
 *       <body>
 *         <body.head> <hedline><hl1>…</hl1></hedline> <byline>…</byline> <dateline>…</dateline> </body.head>
 *         <body.content> <p lede="true">…</p> <hl2>…</hl2> <p>…</p> <media media-type="image">…</media> </body.content>
 *       </body>
 *     </nitf>
 *
 * All the text of body.content is kept: p and li are paragraphs, hl1 and hl2
 * subheadings, and any other block (a blockquote, a table's cells) gives
 * paragraphs of its text; inline markup gives its text.
 */

/** The elements with these names, in document order; those inside a found one are its own. */
function elements(tree: Root | Element | undefined, names: readonly string[]): Element[] {
  const found: Element[] = [];
  if (!tree) return found;
  visit(tree, 'element', (node: Element) => {
    if (!names.includes(node.name)) return;
    found.push(node);
    return SKIP;
  });
  return found;
}

const first = (tree: Root | Element | undefined, name: string) => elements(tree, [name])[0];
const attribute = (element: Element | undefined, name: string) => element?.attributes[name] ?? undefined;
const textOf = (element: Element | undefined) => cleanText(element ? xmlText(element) : '');
const lineOf = (element: Element | undefined) => element?.position?.start.line;

/** NTB marks the lede `lede="true"`; other newsrooms' NITF gives it the class `lead`. */
function isLede(paragraph: Element): boolean {
  return attribute(paragraph, 'lede') === 'true' || (attribute(paragraph, 'class') ?? '').split(/\s+/).includes('lead');
}

/** The blocks of body.content, the lede first, and its lead photo. */
function bodyOf(content: Element | undefined): Pick<WireArticle, 'blocks' | 'photo'> & { warnings: string[] } {
  if (!content) return { blocks: [], warnings: [] };
  const image = elements(content, ['media']).find((node) => attribute(node, 'media-type') === 'image');
  const lede = elements(content, ['p']).find((node) => isLede(node) && textOf(node));
  const ledeBlocks = lede ? treeBlocks(toHast(lede), { marks: false }) : { blocks: [], lost: [] };
  const rest = treeBlocks(
    toHast(content, (node) => node === lede || node === image),
    { marks: false },
  );
  const blocks = [...ledeBlocks.blocks, ...rest.blocks];
  const warnings = lostWarning([...ledeBlocks.lost, ...rest.lost]);
  const photo = image && lead(image);
  return { blocks, ...(photo && { photo }), warnings };
}

function lead(image: Element): WireArticle['photo'] {
  const reference = first(image, 'media-reference');
  const photo = photoOf(textOf(first(image, 'media-caption')), textOf(first(image, 'media-producer')));
  const alt = cleanText(attribute(reference, 'alternate-text') ?? '');
  const file = attribute(reference, 'source');
  return photo && { ...photo, ...(alt && { alt }), ...(file && { file }) };
}

/** Parses an NITF document, already decoded, into the article it carries. */
export function parseNitf(source: string): WireArticle {
  const tree = parseXml(source);
  const root = tree.children.find((node) => node.type === 'element');
  if (root?.name !== 'nitf') {
    throw new WireFormatError(
      `has the root element <${root?.name ?? ''}>, not <nitf>: it is XML, but not an NITF story`,
      lineOf(root),
    );
  }
  const headline = textOf(first(first(root, 'hedline'), 'hl1'));
  if (!headline) throw new WireFormatError('has no headline: give body.head a hedline with an hl1', lineOf(root));
  const dated = first(root, 'date.issue') ?? first(root, 'date.release');
  const norm = attribute(dated, 'norm');
  if (!norm) {
    throw new WireFormatError(
      'has no date: give docdata a date.issue with a norm attribute, like 20250902T143000+0200',
      lineOf(first(root, 'docdata') ?? root),
    );
  }
  const date = agencyTime(norm, `${dated?.name} norm`, lineOf(dated));
  const { blocks, photo, warnings } = bodyOf(first(root, 'body.content'));
  if (!blocks.some((block) => block.type === 'paragraph')) {
    throw new WireFormatError(
      'has no paragraphs in body.content: there is no article text to import',
      lineOf(first(root, 'body.content') ?? root),
    );
  }
  const id =
    attribute(first(root, 'doc-id'), 'id-string') ??
    attribute(
      elements(root, ['meta']).find((meta) => attribute(meta, 'name') === 'NTBID'),
      'content',
    );
  const versioned = first(root, 'du-key');
  const version = versionNumber(attribute(versioned, 'version'), 'du-key version', lineOf(versioned));
  const byline = bylineNames(elements(first(root, 'body.head'), ['byline']).map(textOf).filter(Boolean).join(' og '));
  const place = first(root, 'dateline');
  const dateline = textOf(first(place, 'location') ?? place).replace(/\s*\(NTB\)\s*:?$|:$/, '');
  const topics = uniqueTags([
    ...elements(root, ['keyword']).map((keyword) => attribute(keyword, 'key')),
    ...elements(root, ['tobject.subject']).map((subject) => attribute(subject, 'tobject.subject.matter')),
  ]);
  return {
    date,
    headline,
    ...(byline && { byline }),
    ...(dateline && { dateline }),
    ...(topics.tags.length && { tags: topics.tags }),
    ...(id?.trim() && { story: { id: id.trim(), ...(version !== undefined && { version }) } }),
    ...(photo && { photo }),
    blocks,
    ...((warnings.length || topics.warnings.length) && { warnings: [...warnings, ...topics.warnings] }),
  };
}
