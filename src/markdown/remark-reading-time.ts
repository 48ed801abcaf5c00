import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { pluginFrontmatter } from './frontmatter.ts';

/** Adult silent reading of Norwegian news prose, words per minute. */
export const WORDS_PER_MINUTE = 200;

/** Blocks whose text is read as a run; counting them one by one keeps words at block edges apart. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);

function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * Counts the body's words and passes the reading time to the page as
 * `readingMinutes` in the plugin frontmatter: at least one minute.
 */
export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    let words = 0;
    visit(tree, (node) => {
      if (!TEXT_BLOCKS.has(node.type)) return;
      words += countWords(toString(node));
      return SKIP;
    });
    pluginFrontmatter(file).readingMinutes = Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
  };
}
