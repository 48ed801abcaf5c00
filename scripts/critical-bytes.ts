import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { selectAll } from 'hast-util-select';
import { rehype } from 'rehype';

/**
 * The bytes a reader waits for before the page can be read: the HTML and
 * every stylesheet, script and font it loads, each brotli-compressed as a CDN
 * would send it. Images are not counted. The budget is the first round trip:
 * RFC 6928's initial window of ten 1,460-byte segments, about 14 KB.
 */

export const CRITICAL_BYTES_BUDGET = 14 * 1024;

const brotliSize = (bytes: Buffer) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;

export interface CriticalBytes {
  total: number;
  files: Array<{ file: string; raw: number; brotli: number }>;
}

/** Counts a built page's critical bytes. `page` and the resources are paths inside `dist`, under `base`. */
export async function criticalBytes(dist: string, page: string, base = '/'): Promise<CriticalBytes> {
  const html = await readFile(join(dist, page));
  const tree = rehype().parse(html.toString('utf8'));
  const resources = [
    ...selectAll('link[rel~=stylesheet][href]', tree).map((link) => String(link.properties.href)),
    ...selectAll('link[rel~=preload][as=font][href]', tree).map((link) => String(link.properties.href)),
    ...selectAll('script[src]', tree).map((script) => String(script.properties.src)),
  ].filter((url) => url.startsWith(base));
  const files = [{ file: page, raw: html.byteLength, brotli: brotliSize(html) }];
  for (const url of resources) {
    const bytes = await readFile(join(dist, url.slice(base.length)));
    files.push({ file: url, raw: bytes.byteLength, brotli: brotliSize(bytes) });
  }
  return { total: files.reduce((sum, file) => sum + file.brotli, 0), files };
}
