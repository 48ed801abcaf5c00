/**
 * Links to a passage with a text fragment (`#:~:text=`), which Chromium,
 * Safari and Firefox scroll to and highlight. A long passage is named by its
 * first and last words, as the spec's `start,end` form allows.
 */

/** Passages longer than this are linked by their first and last words. */
const LONG_PASSAGE = 80;
const WORDS_AT_EACH_END = 5;

/** Percent-encodes a fragment term; `-`, `,` and `&` have meanings of their own in a text directive. */
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

export function textFragmentUrl(pageUrl: string, passage: string): string {
  const words = passage.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const url = pageUrl.replace(/#.*$/, '');
  if (!words.length) return url;
  const text = words.join(' ');
  const directive =
    text.length <= LONG_PASSAGE || words.length <= WORDS_AT_EACH_END * 2
      ? encodeTerm(text)
      : `${encodeTerm(words.slice(0, WORDS_AT_EACH_END).join(' '))},${encodeTerm(words.slice(-WORDS_AT_EACH_END).join(' '))}`;
  return `${url}#:~:text=${directive}`;
}
