import { parseNinjs } from './ninjs.ts';
import { parseNitf } from './nitf.ts';
import { parseWire, type WireArticle } from './wire.ts';

/**
 * Reads a story in any of NTB's three formats, told apart by what the text
 * is rather than by the file's name: XML is NITF, a JSON object is ninjs,
 * and anything else is the plain wire text, which starts with a date line.
 */
export function parseStory(source: string): WireArticle {
  const start = source.trimStart();
  if (start.startsWith('<')) return parseNitf(source);
  if (start.startsWith('{')) return parseNinjs(source);
  return parseWire(source);
}
