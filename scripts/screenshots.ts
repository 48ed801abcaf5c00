import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium } from './chromium.ts';
import { startStaticServer } from './static-server.ts';

/**
 * Writes screenshots of the built site to screenshots/ (ignored by git): the
 * first article, the front page, its month archive, the topics, a search and
 * the 404 page at phone and desktop widths, light and dark, and the article
 * printed to PDF. `npm run screenshots` builds first.
 */

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

const outDir = resolve('screenshots');
await mkdir(outDir, { recursive: true });
const server = await startStaticServer(resolve('dist'));
const browser = await launchChromium();
try {
  const home = await browser.newPage();
  await home.goto(server.url);
  const articleHref = await home.locator('.teaser-headline a').first().getAttribute('href');
  await home.close();
  const article = new URL(articleHref ?? '/', server.url);
  const pages = {
    front: server.url,
    article: article.href,
    archive: new URL(`${article.pathname.split('/').slice(0, 3).join('/')}/`, server.url).href,
    topics: new URL('emne/', server.url).href,
    search: new URL('sok/?q=toppm%C3%B8te', server.url).href,
    'not-found': new URL('finnes-ikke/', server.url).href,
  };
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url, { waitUntil: 'networkidle' });
        const path = resolve(outDir, `${name}-${viewport.name}-${colorScheme}.png`);
        await page.screenshot({ path, fullPage: true });
        console.log(path);
      }
      await context.close();
    }
  }
  const printPage = await browser.newPage();
  await printPage.goto(pages.article);
  await printPage.pdf({ path: resolve(outDir, 'article-print.pdf'), format: 'A4' });
  console.log(resolve(outDir, 'article-print.pdf'));
} finally {
  await browser.close();
  await server.close();
}
