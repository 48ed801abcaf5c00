import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './builds.ts';

/** The NTB wire text the first article was imported from, kept verbatim in content/wire/. */
export const SEED_WIRE_PATH = join(PROJECT_ROOT, 'content/wire/000_a3320b0741197cf2.txt');
export const SEED_ARTICLE_PATH = join(PROJECT_ROOT, 'content/articles/2025/09/02/putin-kalte-xi-for-en-naer-venn.md');
export const SEED_PERMALINK = '2025/09/02/putin-kalte-xi-for-en-naer-venn/';

/** The wire text's paragraphs, split at blank lines; the first is the date line with the photo caption. */
export async function seedParagraphs(): Promise<string[]> {
  const text = await readFile(SEED_WIRE_PATH, 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
