import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { isElement } from 'hast-util-is-element';
import type { VFile } from 'vfile';
import { pluginFrontmatter } from './frontmatter.ts';
import { photoCaption } from './rehype-figures.ts';

/** Read before the schema: only a photo with a caption and no file is the case this plugin is for. */
function unavailablePhoto(photo: unknown): { caption: string; credit?: string } | undefined {
  if (typeof photo !== 'object' || photo === null || 'src' in photo) return undefined;
  const { caption, credit } = photo as Record<string, unknown>;
  if (typeof caption !== 'string' || !caption.trim()) return undefined;
  return { caption: caption.trim(), ...(typeof credit === 'string' && credit.trim() && { credit: credit.trim() }) };
}

function isLede(node: Root['children'][number]): node is Element {
  return isElement(node, 'p') && [node.properties.className].flat().includes('lede');
}

/**
 * A lead photo the wire described but did not send is told as a caption after
 * the lede, not as a box above it: the reader learns what the picture showed
 * and who took it, and the story still opens the page. Without a lede of the
 * body's own, the caption leads the body.
 */
export default function rehypeUnavailableLeadPhoto() {
  return (tree: Root, file: VFile) => {
    const photo = unavailablePhoto(pluginFrontmatter(file).photo);
    if (!photo) return;
    const figure = h('figure', { className: ['photo', 'lead-photo', 'photo-unavailable'], dataPagefindIgnore: true }, [
      h('p', { className: ['photo-unavailable-note'] }, 'Bildet er ikke tilgjengelig'),
      photoCaption(photo.caption, photo.credit),
    ]);
    tree.children.splice(tree.children.findIndex(isLede) + 1, 0, figure);
  };
}
