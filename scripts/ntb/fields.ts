import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { NEWSROOM_TIME_ZONE, parsePublicationDate } from '../../src/content/dates.ts';
import { withoutInvisibleCharacters } from '../../src/content/invisible-characters.ts';
import { isPlausible } from '../../src/content/schema.ts';
import { slugify } from '../../src/markdown/slug.ts';
import { type WirePhoto, WireFormatError } from './wire.ts';

/** What NITF and ninjs share: their text, dates, bylines and captions, read into the form an article takes. */

/** Text as a reader sees it: markup's line breaks and indentation are spaces, and invisible characters go. */
export function cleanText(text: string): string {
  return withoutInvisibleCharacters(text).replace(/\s+/g, ' ').trim();
}

/** NITF's `norm` is ISO 8601's basic form, 20250314T101500+0100. */
const BASIC_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$/;

/**
 * An agency's timestamp as frontmatter takes it: Oslo time, to the minute,
 * with seconds only when they are not zero, and with its offset in the hour
 * the clocks go back, when an Oslo time alone names two instants. NITF's
 * basic form and ninjs' xsd:dateTime, fractions of a second and all, are
 * both read. A year the site would refuse is refused here, naming the field.
 */
export function agencyTime(text: string, what: string, line?: number): string {
  const basic = BASIC_TIME.exec(text.trim());
  const extended = basic
    ? `${basic[1]}-${basic[2]}-${basic[3]}${basic[4] ? `T${basic[4]}:${basic[5]}:${basic[6] ?? '00'}${basic[7] ?? ''}` : ''}`
    : text.trim().replace(/(T\d{2}:\d{2}:\d{2})\.\d+/, '$1');
  const date = parsePublicationDate(extended);
  if (!date) {
    throw new WireFormatError(
      `has the ${what} "${text}", which is not a real date and time: it must be like 2025-09-02T14:30:00+02:00`,
      line,
    );
  }
  if (!isPlausible(date)) {
    throw new WireFormatError(
      `has the ${what} "${text}", before 1900 or more than a year from now: check the year, or ask for the story again`,
      line,
    );
  }
  if (!/T/.test(extended)) return extended;
  const oslo = new TZDate(date.getTime(), NEWSROOM_TIME_ZONE);
  const local = format(oslo, oslo.getSeconds() ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  return parsePublicationDate(local)?.getTime() === date.getTime() ? local : `${local}${format(oslo, 'xxx')}`;
}

/** A version number, when the source gives a whole one; otherwise versions are told apart by their time. */
export function versionNumber(value: unknown, what: string, line?: number): number | undefined {
  const text = String(value ?? '').trim();
  if (!/^\d+$/.test(text)) return undefined;
  if (!Number.isSafeInteger(Number(text))) {
    throw new WireFormatError(`has the ${what} "${text}", too large a number to be a version: ask for it again`, line);
  }
  return Number(text);
}

/**
 * The writers' names, as the site's byline wants them: it writes "Av …, NTB"
 * itself, so the agency's own "Av " before and ", NTB" after are dropped.
 */
export function bylineNames(text: string | undefined): string | undefined {
  const names = cleanText(text ?? '')
    .replace(/^(?:av|by)\s+/i, '')
    .replace(/\s*[,/]\s*NTB$/i, '')
    .trim();
  return names || undefined;
}

/**
 * The photo as a caption and a credit: a caption's trailing "Foto: …" is
 * the credit, stored without "Foto: " since the site prints that itself.
 * A credit given apart from the caption is used when the caption has none.
 */
export function photoOf(caption: string | undefined, credit: string | undefined): WirePhoto | undefined {
  const text = cleanText(caption ?? '');
  const found = /^(.*?)\s*\bFoto:\s*(.+)$/i.exec(text);
  const captionText = found ? (found[1] ?? '') : text;
  const creditText = cleanText(found?.[2] ?? credit ?? '').replace(/^Foto:\s*/i, '');
  if (!captionText) return undefined;
  return { caption: captionText, ...(creditText && { credit: creditText }) };
}

/**
 * Tags in the order given, each once, and a warning for those left out: a
 * topic's address is made of a tag's letters and digits, so "---" has none.
 */
export function uniqueTags(given: Array<string | undefined>): { tags: string[]; warnings: string[] } {
  const all = [...new Set(given.map((tag) => cleanText(tag ?? '')).filter(Boolean))];
  const unusable = all.filter((tag) => !slugify(tag));
  return {
    tags: all.filter((tag) => slugify(tag)),
    warnings: unusable.map(
      (tag) => `the tag "${tag}" has no letters or digits that a topic address can use, so it was left out`,
    ),
  };
}
