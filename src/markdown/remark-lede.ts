import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { pluginFrontmatter } from './frontmatter.ts';

function isImageOnly(node: Paragraph): boolean {
  return node.children.every((child) => child.type === 'image' || (child.type === 'text' && !child.value.trim()));
}

function firstParagraph(children: RootContent[]): Paragraph | undefined {
  for (const node of children) {
    if (node.type === 'heading') return undefined;
    if (node.type === 'paragraph' && !isImageOnly(node)) return node;
  }
  return undefined;
}

/**
 * Where the frontmatter has no `lede`, the article's first paragraph is its
 * lede: it is marked `class="lede"` for the page to set apart, and its text
 * becomes `lede` in the plugin frontmatter, for listings and metadata.
 */
export default function remarkLede() {
  return (tree: Root, file: VFile) => {
    const frontmatter = pluginFrontmatter(file);
    if (typeof frontmatter.lede === 'string' && frontmatter.lede.trim()) return;
    const paragraph = firstParagraph(tree.children);
    if (!paragraph) return;
    paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, className: ['lede'] } };
    // Its text alone: raw HTML in it (<abbr>, <b>) would show as tags in descriptions and listings.
    frontmatter.lede = toString(paragraph, { includeHtml: false });
  };
}
