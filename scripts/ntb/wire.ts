import type { PhrasingContent } from 'mdast';
import { parsePublicationDate } from '../../src/content/dates.ts';
import { withoutInvisibleCharacters } from '../../src/content/invisible-characters.ts';

/**
 * Reads an NTB wire text. The format, as the wire sends it:
 *
 *     date 2025-09-02 <photo caption> <photo credit>
 *
 *     <paragraph>
 *
 *     <subheading>
 *
 *     <paragraph>
 *
 * The first non-blank line starts with `date YYYY-MM-DD`; the rest of that
 * line is the lead photo's caption followed by its credit. Paragraphs are
 * separated by blank lines. A subheading is a short single line that does
 * not end a sentence, such as "Stikk mot Vesten" or "– Alltid sammen"; a
 * paragraph that opens with a quote dash and ends a sentence is quoted speech.
 */

/** A wire article is a few kilobytes; anything this large is not one. */
export const MAX_WIRE_BYTES = 1024 * 1024;

/** Subheadings on the wire are a few words; longer lines are paragraphs. */
const MAX_SUBHEADING_LENGTH = 70;

export interface WireBlock {
  type: 'paragraph' | 'subheading';
  text: string;
  /** The text with its emphasis and links, where the source marks them up (ninjs HTML); else it is `text` alone. */
  children?: PhrasingContent[];
  /** The 1-based line the block starts on, where the source is written in lines. */
  line?: number;
}

export interface WirePhoto {
  caption: string;
  /** As the agency gives it, without a "Foto: " before it. */
  credit?: string;
  alt?: string;
  /** The photo file the source names (NITF's media-reference), which the import uses only if it is beside the input. */
  file?: string;
}

/**
 * One story as any of NTB's formats gives it. The plain text gives only the
 * date, the photo and the blocks; NITF and ninjs give the rest too.
 */
export interface WireArticle {
  /** The publication date as frontmatter takes it: YYYY-MM-DD, or YYYY-MM-DDTHH:mm in Oslo time. */
  date: string;
  /** When this version was made, if after `date`; the same form. */
  updated?: string;
  headline?: string;
  byline?: string;
  dateline?: string;
  /** A standfirst the source gives apart from the body; never its opening paragraph again. */
  lede?: string;
  tags?: string[];
  story?: { id: string; version?: number };
  photo?: WirePhoto;
  blocks: WireBlock[];
  /** What the editor should know about the import, such as markup the site's HTML policy removed. */
  warnings?: string[];
}

/** A problem with the wire text itself, with the line it is on where there is one. */
export class WireFormatError extends Error {
  override name = 'WireFormatError';
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const DATE_LINE = /^\s*date[ \t]+(\S+)(?:[ \t]+(.*))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Control characters that never occur in text: everything below space but tab, line feed and carriage return. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/;
/** What ends a sentence, ignoring closing quotes and brackets after it. */
const SENTENCE_END = /[.!?:;,…][»”"')\]]*$/;

/**
 * The refusal of a text over MAX_WIRE_BYTES. Its size is given where it is
 * known; a stream is refused as soon as it goes over, unread beyond that.
 */
export function tooLargeError(size?: number): WireFormatError {
  return new WireFormatError(
    `is ${size === undefined ? '' : `${size} bytes, `}over the ${MAX_WIRE_BYTES}-byte limit for a wire text`,
  );
}

/** Decodes wire bytes as UTF-8, refusing anything that is not text. */
export function decodeWireText(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_WIRE_BYTES) throw tooLargeError(bytes.byteLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new WireFormatError('is not UTF-8 text: save it as UTF-8 and import it again');
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    throw new WireFormatError('has control characters, as a binary file has: is this the wire text?', line);
  }
  // A byte-order mark, zero-width spaces, soft hyphens and direction marks are the wire system's formatting,
  // not words: the article's check refuses them in its frontmatter, so they are dropped here.
  return withoutInvisibleCharacters(text);
}

function isSubheading(lines: string[], text: string): boolean {
  return lines.length === 1 && text.length <= MAX_SUBHEADING_LENGTH && !SENTENCE_END.test(text);
}

/**
 * Splits the date line's text into caption and credit. The credit is what
 * follows the caption's last sentence, as long as it is not itself a
 * sentence: "… militærparade. Alexander Kazakov / Sputnik / AP / NTB".
 */
export function splitWireCaption(text: string): { caption: string; credit?: string } {
  const sentenceEnds = [...text.matchAll(/[.!?][»”"')\]]*\s+/g)];
  const last = sentenceEnds.at(-1);
  if (!last || last.index === undefined) return { caption: text };
  const cut = last.index + last[0].length;
  const credit = text.slice(cut).trim();
  if (!credit || /[.!?]$/.test(credit)) return { caption: text };
  return { caption: text.slice(0, cut).trim(), credit };
}

/** Parses a wire text, already decoded, into its date, lead photo and blocks. */
export function parseWire(source: string): WireArticle {
  const lines = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd());
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) throw new WireFormatError('is empty: there is no wire text to import');

  const dateLine = DATE_LINE.exec(lines[first] ?? '');
  if (!dateLine) {
    throw new WireFormatError('does not start with a date line: the first line must be "date YYYY-MM-DD …"', first + 1);
  }
  const [, date = '', captionText = ''] = dateLine;
  if (!ISO_DATE.test(date)) {
    throw new WireFormatError(`has the date "${date}", which is not in the form YYYY-MM-DD`, first + 1);
  }
  if (!parsePublicationDate(date)) {
    throw new WireFormatError(`has the date ${date}, which is not a real date`, first + 1);
  }

  const blocks: WireBlock[] = [];
  let pending: { lines: string[]; line: number } | undefined;
  const flush = () => {
    if (!pending) return;
    const text = pending.lines.map((line) => line.trim()).join(' ');
    blocks.push({ type: isSubheading(pending.lines, text) ? 'subheading' : 'paragraph', text, line: pending.line });
    pending = undefined;
  };
  lines.slice(first + 1).forEach((line, index) => {
    if (line.trim() === '') return flush();
    pending ??= { lines: [], line: first + 2 + index };
    pending.lines.push(line);
  });
  flush();

  if (!blocks.some((block) => block.type === 'paragraph')) {
    throw new WireFormatError('has no paragraphs after the date line: there is no article text to import', first + 1);
  }
  const caption = captionText.trim();
  return { date, ...(caption && { photo: splitWireCaption(caption) }), blocks };
}
