import type { Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { stringify } from 'yaml';
import type { ArticleFrontmatter } from '../../src/content/schema.ts';
import { type WireArticle, WireFormatError } from './wire.ts';
import { permalinkParts, permalinkPath } from '../../src/content/permalink.ts';
import { parsePublicationDate } from '../../src/content/dates.ts';
import { slugify } from '../../src/markdown/slug.ts';

/** Turns a parsed NTB wire text into an article file for content/articles/. */

/** Headlines longer than this are shortened; front pages show about this many characters on two lines. */
export const MAX_HEADLINE_LENGTH = 70;
/** Permalink slugs are cut at a word boundary around this length. */
export const MAX_SLUG_LENGTH = 60;

export interface ImportOptions {
  title?: string | undefined;
  slug?: string | undefined;
  tags?: string[] | undefined;
}

export interface ImportedArticle {
  /** The whole file: frontmatter and body. */
  markdown: string;
  /** Where it goes, relative to the content folder: articles/2025/09/02/<slug>.md */
  path: string;
  permalink: string;
  title: string;
  /** True when no title was given and the headline was taken from the lede. */
  titleWasDerived: boolean;
}

/** The text up to the first full stop, question or exclamation mark that ends a sentence. */
export function firstSentence(text: string): string {
  const end = /[.!?][»”"')\]]*(?=\s+[«"–\-\p{Lu}\d]|$)/u.exec(text);
  return end ? text.slice(0, end.index + end[0].length) : text;
}

/**
 * The lede's first sentence, as a headline. A long one is cut at the last
 * clause break (a comma) that fits, or else at the last word boundary, and
 * loses its closing full stop: "Putin kalte Xi for en «nær venn», og sa at …"
 * becomes "Putin kalte Xi for en «nær venn»".
 */
export function deriveHeadline(lede: string): string {
  const sentence = firstSentence(lede.trim());
  const headline = sentence.replace(/[.!]$/, '');
  if (headline.length <= MAX_HEADLINE_LENGTH) return headline;
  const fitting = headline.slice(0, MAX_HEADLINE_LENGTH + 1);
  const clauseBreak = fitting.lastIndexOf(',');
  const cut = clauseBreak > MAX_HEADLINE_LENGTH / 3 ? clauseBreak : fitting.lastIndexOf(' ');
  return (cut > 0 ? headline.slice(0, cut) : fitting).replace(/[\s,;:–-]+$/, '');
}

function bodyTree(wire: WireArticle): Root {
  const children = wire.blocks.map((block): RootContent =>
    block.type === 'subheading'
      ? { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: block.text }] },
  );
  return { type: 'root', children };
}

export function wireToArticle(wire: WireArticle, options: ImportOptions = {}): ImportedArticle {
  const lede = wire.blocks.find((block) => block.type === 'paragraph')?.text ?? '';
  const title = options.title?.trim() || deriveHeadline(lede);
  if (!title) throw new WireFormatError('has a lede with no words to make a headline from: give one with --title');
  const slug = options.slug ?? slugify(title, MAX_SLUG_LENGTH);
  if (!slug)
    throw new WireFormatError(
      `has the headline "${title}", which has no letters or digits to make a permalink from: give one with --slug`,
    );
  const frontmatter: ArticleFrontmatter = {
    title,
    published: wire.date,
    source: 'NTB',
    ...(options.tags?.length && { tags: options.tags }),
    slug,
    ...(wire.photo && { photo: wire.photo }),
  };
  const published = parsePublicationDate(wire.date) as Date;
  const parts = permalinkParts({ published, slug }, `${slug}.md`);
  const body = remark().stringify(bodyTree(wire));
  return {
    markdown: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`,
    path: `articles/${parts.year}/${parts.month}/${parts.day}/${slug}.md`,
    permalink: permalinkPath(parts),
    title,
    titleWasDerived: !options.title?.trim(),
  };
}
