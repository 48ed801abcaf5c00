import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { isElement } from 'hast-util-is-element';
import { h } from 'hastscript';
import { remove } from 'unist-util-remove';
import { visit } from 'unist-util-visit';
import { formatDateline, machineDate } from '../content/dates.ts';
import { photoCaption } from '../markdown/rehype-figures.ts';

/**
 * An article's HTML as a feed reader gets it, in `content:encoded`. A reader
 * has none of the site's CSS or script and no base to resolve paths by, so
 * the page's aids (section anchors, search and script hooks) are taken out,
 * every address is made absolute, and the corrections and the lead photo's
 * caption and credit, which the page prints above the body, lead the text.
 */

/** Attributes that hold addresses; `srcset` holds several, each with its width. */
const ADDRESSES = ['href', 'src'] as const;

function absoluteSrcset(srcset: string, base: URL): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [new URL(url, base).href, ...descriptors].join(' ');
    })
    .join(', ');
}

export function feedHtml(
  articleHtml: string,
  articleUrl: URL,
  photo?: { caption: string; credit?: string | undefined } | undefined,
  corrections: Array<{ date: Date; text: string }> = [],
): string {
  const tree: Root = fromHtml(articleHtml, { fragment: true });
  // The section anchors are navigation: a reader shows them as stray «#» and link labels.
  remove(tree, (node) => isElement(node) && [node.properties.className].flat().includes('heading-anchor'));
  visit(tree, 'element', (node: Element) => {
    for (const name of Object.keys(node.properties)) if (/^data[A-Z]/.test(name)) delete node.properties[name];
    for (const name of ADDRESSES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = new URL(value, articleUrl).href;
    }
    const { srcSet } = node.properties;
    if (srcSet !== undefined) {
      node.properties.srcSet = absoluteSrcset(Array.isArray(srcSet) ? srcSet.join(', ') : String(srcSet), articleUrl);
    }
  });
  if (photo) tree.children.unshift(h('figure', [photoCaption(photo.caption, photo.credit)]));
  // Corrections lead, as on the page.
  tree.children.unshift(
    ...corrections.map(({ date, text }) =>
      h('p', [
        h('strong', 'Rettelse'),
        ' ',
        h('time', { dateTime: machineDate(date) }, formatDateline(date)),
        `: ${text}`,
      ]),
    ),
  );
  return toHtml(tree);
}
