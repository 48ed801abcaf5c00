import type { Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { stringify } from 'yaml';
import { type ArticleFrontmatter, HEADLINE_LIMIT } from '../../src/content/schema.ts';
import { type WireArticle, type WirePhoto, WireFormatError } from './wire.ts';
import { permalinkParts, permalinkPath } from '../../src/content/permalink.ts';
import { parsePublicationDate } from '../../src/content/dates.ts';
import { slugify } from '../../src/markdown/slug.ts';
import { assertNestingLimit, NestingLimitError } from '../../src/markdown/nesting-limit.ts';

/** Turns a story parsed from any of NTB's formats into an article file for content/articles/. */

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
  const children = wire.blocks.map((block): RootContent => {
    const content = block.children ?? [{ type: 'text', value: block.text }];
    return block.type === 'subheading'
      ? { type: 'heading', depth: 2, children: content }
      : { type: 'paragraph', children: content };
  });
  return { type: 'root', children };
}

/** Where a newer version of a story goes: the article it already has, whose permalink it keeps. */
export interface Placement {
  /** The article's file, relative to the content folder. */
  path: string;
  published: string;
  slug: string;
  /** What an editor adds that the agency never sends, kept as it is. */
  kept: Pick<ArticleFrontmatter, 'corrections' | 'redirectFrom'>;
}

function photoFrontmatter(photo: WirePhoto, src: string | undefined): ArticleFrontmatter['photo'] {
  const { caption, credit, alt } = photo;
  // Alt text is for a photo that is shown: without the file, the caption and credit stand alone.
  return { ...(src && alt && { src, alt }), caption, ...(credit && { credit }) };
}

/**
 * The article file for a story. With a placement, it is the update of an
 * article the story already has: same file, same permalink, updated now.
 * `photoSrc` is the lead photo's file, once the import has put it beside the article.
 */
export function wireToArticle(
  wire: WireArticle,
  options: ImportOptions = {},
  { placement, photoSrc }: { placement?: Placement | undefined; photoSrc?: string | undefined } = {},
): ImportedArticle {
  const lede = wire.blocks.find((block) => block.type === 'paragraph')?.text ?? '';
  const title = options.title?.trim() || wire.headline || deriveHeadline(lede);
  if (!title) throw new WireFormatError('has a lede with no words to make a headline from: give one with --title');
  const length = [...title].length;
  if (length > HEADLINE_LIMIT) {
    throw new WireFormatError(
      options.title?.trim()
        ? `was given a --title of ${length} characters, more than the ${HEADLINE_LIMIT} a headline may have: shorten it`
        : `has a headline of ${length} characters, more than the ${HEADLINE_LIMIT} a headline may have: give a shorter one with --title`,
    );
  }
  const slug = placement?.slug ?? options.slug ?? slugify(title, MAX_SLUG_LENGTH);
  if (!slug)
    throw new WireFormatError(
      `has the headline "${title}", which has no letters or digits to make a permalink from: give one with --slug`,
    );
  const publishedText = placement?.published ?? wire.date;
  const updated = placement ? (wire.updated ?? wire.date) : wire.updated;
  const tags = options.tags?.length ? options.tags : wire.tags;
  const { story } = wire;
  const frontmatter: ArticleFrontmatter = {
    title,
    ...(wire.lede && { lede: wire.lede }),
    published: publishedText,
    ...(updated && { updated }),
    source: 'NTB',
    ...(wire.byline && { byline: wire.byline }),
    ...(wire.dateline && { dateline: wire.dateline }),
    ...(tags?.length && { tags }),
    slug,
    ...(story && { storyId: story.id, ...(story.version !== undefined && { storyVersion: story.version }) }),
    ...(wire.photo && { photo: photoFrontmatter(wire.photo, photoSrc) }),
    ...placement?.kept,
  };
  const published = parsePublicationDate(publishedText) as Date;
  const parts = permalinkParts({ published, slug }, `${slug}.md`);
  const tree = bodyTree(wire);
  try {
    assertNestingLimit(tree);
  } catch (error) {
    // The site would refuse the article later, against a file the editor never wrote: say it of the input now.
    if (error instanceof NestingLimitError) throw new WireFormatError(`has a body that ${error.message}`);
    throw error;
  }
  const body = remark().stringify(tree);
  return {
    markdown: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`,
    path: placement?.path ?? `articles/${parts.year}/${parts.month}/${parts.day}/${slug}.md`,
    permalink: permalinkPath(parts),
    title,
    titleWasDerived: !options.title?.trim() && !wire.headline,
  };
}
