import type { Root } from 'hast';
import { all } from './hast.ts';

/** Where a page points at other URLs: links, stylesheets, images, scripts and the preview image. */
const LINKING_ATTRIBUTES = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['img[srcset]', 'srcSet'],
  ['source[srcset]', 'srcSet'],
  ['meta[property="og:image"]', 'content'],
] as const;

/** Every URL a page points at, resolved against the page's own URL, without fragments. */
export function urlsIn(tree: Root, pageUrl: string | URL): URL[] {
  return LINKING_ATTRIBUTES.flatMap(([selector, property]) =>
    all(tree, selector).flatMap((element) => {
      const value = element.properties[property];
      const raw = Array.isArray(value) ? value.join(',') : String(value);
      const candidates =
        property === 'srcSet' ? raw.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [raw];
      return candidates.filter(Boolean).map((candidate) => {
        const url = new URL(candidate, pageUrl);
        url.hash = '';
        return url;
      });
    }),
  );
}
