import GithubSlugger from 'github-slugger';

/**
 * ASCII spellings for letters that Unicode decomposition cannot reduce to a
 * base letter plus accent. Norwegian letters follow the common web
 * convention (æ→ae, ø→o, å→a), as in nrk.no and vg.no URLs.
 */
const LETTER_SPELLINGS: Record<string, string> = {
  æ: 'ae',
  Æ: 'Ae',
  ø: 'o',
  Ø: 'O',
  å: 'a',
  Å: 'A',
  ß: 'ss',
  œ: 'oe',
  Œ: 'Oe',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
};
const SPELLED_LETTER = new RegExp(`[${Object.keys(LETTER_SPELLINGS).join('')}]`, 'g');

/** Spells text in ASCII letters: æ→ae, ø→o, å→a, and accents dropped (é→e). */
export function transliterate(text: string): string {
  // Decomposing first lets a letter with an accent on top of æ or ø (ǣ, ǿ) be spelled like the plain one.
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(SPELLED_LETTER, (letter) => LETTER_SPELLINGS[letter] ?? letter);
}

/** A lowercase ASCII slug: words joined by single hyphens, none leading or trailing. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a headline, heading or file name into a slug. With `maxLength`, a long
 * slug is cut at the last word boundary that fits, so no word is split.
 */
export function slugify(text: string, maxLength = Infinity): string {
  const slug = transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastBoundary = cut.lastIndexOf('-');
  return lastBoundary > 0 ? cut.slice(0, lastBoundary) : slug.slice(0, maxLength);
}

/**
 * Hands out slugs that are unique within one page: the second "Bakgrunn"
 * becomes `bakgrunn-1`, as GitHub does. Text with no letters gets `fallback`.
 */
export function createSlugAllocator(fallback: string) {
  const slugger = new GithubSlugger();
  return (text: string): string => slugger.slug(slugify(text) || fallback);
}
