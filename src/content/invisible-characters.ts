/**
 * Characters that do not show, yet change what text says or how it reads: C0
 * and C1 controls (tab and line breaks aside), zero-width spaces and joiners
 * that split words, bidirectional overrides that turn text around, and the
 * byte-order mark. Zero-width (non-)joiners stay allowed: emoji sequences and
 * some scripts need them.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** The text without its invisible characters. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'gu'), '');
}

/** The first invisible character in the text, as `U+202E`, or nothing. */
export function invisibleCharacter(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  return found && `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
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
