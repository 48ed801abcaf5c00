import assert from 'node:assert/strict';
import { it } from 'node:test';
import { BUILDS, TEST_SITE_URL } from '../helpers/builds.ts';
import { describeInBrowser } from '../helpers/browser.ts';
import { SEED_PERMALINK } from '../helpers/seed.ts';

const SEED_URL = `${TEST_SITE_URL}/nyheter/${SEED_PERMALINK}`;

describeInBrowser('sharing the article in Chromium', BUILDS.subpath, (site) => {
  it('copies the permalink where there is no Web Share, and says so', async () => {
    const { page, context, problems } = await site.open(SEED_PERMALINK);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const button = page.locator('.share-button');
    assert.equal(await button.textContent(), 'Kopier lenke');
    await button.click();
    await page.locator('.share-status', { hasText: 'Lenken er kopiert' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), SEED_URL);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('uses the Web Share API where there is one', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
        },
      });
    });
    const page = await context.newPage();
    await page.goto(new URL(SEED_PERMALINK, site.server.url).href);
    const button = page.locator('.share-button');
    assert.equal(await button.textContent(), 'Del');
    await button.click();
    const shared = await page.waitForFunction(() => (window as unknown as { shared?: ShareData }).shared);
    assert.deepEqual(await shared.jsonValue(), { title: 'Putin kalte Xi for en «nær venn»', url: SEED_URL });
    await context.close();
  });

  it('offers "Del sitat" for a selected passage and shares a text-fragment link', async () => {
    const { page, context, problems } = await site.open(SEED_PERMALINK);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const quote = page.locator('.quote-share');
    assert.equal(await quote.isVisible(), false);
    await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('.article-body p')].find((p) =>
        p.textContent?.startsWith('Mandag'),
      );
      const range = document.createRange();
      range.selectNodeContents(paragraph as Node);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    await quote.waitFor({ state: 'visible' });
    await quote.click();
    await page.locator('.share-status', { hasText: 'Lenken til sitatet er kopiert' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(
      link,
      `${SEED_URL}#:~:text=Mandag%20deltok%20Putin%20p%C3%A5%20et,Organisation%20(SCO)%20i%20byen%20Tianjin.`,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a section’s anchor link when it has keyboard focus, and hides it otherwise', async () => {
    const { page, context, problems } = await site.open(SEED_PERMALINK);
    const anchor = page.locator('.heading-anchor[href="#alltid-sammen"]');
    assert.equal(await anchor.evaluate((element) => getComputedStyle(element).opacity), '0');
    await page.locator('.share-button').focus();
    for (let step = 0; step < 10 && !(await anchor.evaluate((element) => element === document.activeElement)); step++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(
      await anchor.evaluate((element) => element === document.activeElement),
      true,
      'Tab reaches the anchor',
    );
    assert.equal(await anchor.evaluate((element) => getComputedStyle(element).opacity), '1');
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#alltid-sammen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('loads under its CSP with nothing blocked and no console errors, on every kind of page', async () => {
    for (const path of ['', SEED_PERMALINK, 'finnes-ikke/']) {
      const { page, context, problems } = await site.open(path);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(
        problems.filter((problem) => !(path === 'finnes-ikke/' && /404/.test(problem))),
        [],
        path,
      );
      await context.close();
    }
  });
});
