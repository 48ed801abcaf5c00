/**
 * Characters that do not show, yet change what text says or how it reads:
 * control and format characters (tab and line breaks aside), among them
 * zero-width spaces that split words, bidirectional overrides that turn text
 * around, soft hyphens and byte-order marks; the blank Hangul fillers; and
 * half a character, an unpaired surrogate. The line and paragraph separators
 * are text, and every place that prints them escapes them. Zero-width (non-)joiners stay allowed, which
 * emoji sequences and some scripts need, and so do the tag characters of a
 * flag's emoji sequence.
 */
const INVISIBLE = /[[\p{Cc}\p{Cf}\p{Cs}\u034F\u115F\u1160\u3164\uFFA0]--[\t\n\r\u200C\u200D]]/v;

/** A flag of a subdivision, 🏴 and tag characters: the one place tag characters show. */
const FLAG = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without its invisible characters; flags keep theirs. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(new RegExp(`(${FLAG.source})|${INVISIBLE.source}`, 'gv'), (_, flag?: string) => flag ?? '');
}

/** The first invisible character in the text, as `U+202E`, or nothing; half of a character (an unpaired surrogate) too. */
export function invisibleCharacter(text: string): string | undefined {
  const found = INVISIBLE.exec(text.replace(FLAG, ''))?.[0];
  return found && codePoint(found);
}

/** Every text in a frontmatter value with an invisible character, by its path: `[['photo', 'caption'], 'U+200B']`. */
export function invisibleCharactersIn(value: unknown, path: PropertyKey[] = []): Array<[PropertyKey[], string]> {
  if (typeof value === 'string') {
    const found = invisibleCharacter(value);
    return found ? [[path, found]] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => invisibleCharactersIn(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => invisibleCharactersIn(item, [...path, key]));
  }
  return [];
}
