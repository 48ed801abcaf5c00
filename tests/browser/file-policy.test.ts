import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, it } from 'node:test';
import { headersFile } from '../../src/site/cdn-files.ts';
import { describeInBrowser } from '../helpers/browser.ts';

/**
 * A synthetic site with a script where a file beside a page or at the top
 * could hold one, served with the _headers a build writes for it.
 */
const SCRIPT = 'window.ran = true';
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Syntetisk forside</title>',
  '2025/01/01/syntetisk/index.html': '<!doctype html><title>Syntetisk sak</title>',
  '2025/01/01/syntetisk/bilde.svg': `<svg xmlns="http://www.w3.org/2000/svg"><script>${SCRIPT}</script></svg>`,
  'feed.xml': `<?xml version="1.0"?><rss><script xmlns="http://www.w3.org/1999/xhtml">${SCRIPT}</script></rss>`,
};
const dir = await mkdtemp(join(tmpdir(), 'nyhetsleser-file-policy-'));
for (const [path, text] of Object.entries(FILES)) {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}
await writeFile(join(dir, '_headers'), headersFile('/', Object.keys(FILES), 'pagefind'));
after(() => rm(dir, { recursive: true, force: true }));

describeInBrowser('files opened on their own, in Chromium', { dir, base: '/' }, (site) => {
  for (const path of ['2025/01/01/syntetisk/bilde.svg', 'feed.xml']) {
    it(`runs no script in ${path}, which it would run without the CSP`, async () => {
      for (const [bypassCSP, ran] of [
        [false, false],
        [true, true],
      ] as const) {
        const { page, context } = await site.open(path, { bypassCSP });
        assert.equal(
          await page.evaluate(() => (window as { ran?: boolean }).ran === true),
          ran,
          `bypassCSP: ${bypassCSP}`,
        );
        await context.close();
      }
    });
  }
});
