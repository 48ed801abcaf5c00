import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const NO_BREAK_SPACE = '\u00a0';

/** A quote dash that opens a paragraph or heading: "– Vi var alltid sammen". */
const LEADING_QUOTE_DASH = /^([–—])[ \t]+/;
/** A spaced dash inside a sentence: "Kina – og Russland". */
const SPACED_DASH = / ([–—]) /g;
/** Straight double quotes around a phrase, which Norwegian prints as «». */
const STRAIGHT_QUOTES = /"([^"\n]+)"/g;

/**
 * Sets Norwegian typography in the text: a quote dash is bound to the word
 * after it and a spaced dash to the word before it, so that neither is left
 * alone at a line break, and straight double quotes become «». Smart quotes in
 * the English style (“”) are never produced.
 */
export default function remarkNorwegianTypography() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      let value = node.value.replace(STRAIGHT_QUOTES, '«$1»').replace(SPACED_DASH, `${NO_BREAK_SPACE}$1 `);
      const opensBlock = index === 0 && (parent?.type === 'paragraph' || parent?.type === 'heading');
      if (opensBlock) value = value.replace(LEADING_QUOTE_DASH, `$1${NO_BREAK_SPACE}`);
      node.value = value;
    });
  };
}
