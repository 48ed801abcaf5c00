import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { BUILDS } from '../helpers/builds.ts';
import { describeInBrowser } from '../helpers/browser.ts';

async function results(page: Page): Promise<{ status: string; titles: string[]; links: string[] }> {
  await page.waitForFunction(() => {
    const status = document.querySelector('.search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Søker');
  });
  return {
    status: (await page.locator('.search-status').textContent()) ?? '',
    titles: await page.locator('.search-results a').allTextContents(),
    links: await page
      .locator('.search-results a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
  };
}

describeInBrowser('searching in Chromium, under a sub-path', BUILDS.subpath, (site) => {
  it('finds an article by an inflected word that is not in it', async () => {
    // The article has "militærparade" and "sanksjoner"; Pagefind stems Norwegian.
    for (const query of ['militærparaden', 'sanksjonene']) {
      const { page, context, problems } = await site.open(`sok/?q=${encodeURIComponent(query)}`);
      const found = await results(page);
      assert.equal(found.status, `1 treff for «${query}»`);
      assert.deepEqual(found.titles, ['Putin kalte Xi for en «nær venn»']);
      assert.deepEqual(found.links, ['/nyheter/2025/09/02/putin-kalte-xi-for-en-naer-venn/']);
      assert.deepEqual(problems, [], 'the CSP lets the search index run');
      await context.close();
    }
  });

  it('does not find words that are only in the navigation, the byline or the footer', async () => {
    for (const query of ['Emner', 'nyhetsbyrået', 'lesetid', 'Kopier']) {
      const { page, context } = await site.open(`sok/?q=${encodeURIComponent(query)}`);
      assert.equal((await results(page)).status, `Ingen treff for «${query}»`, query);
      await context.close();
    }
  });

  it('puts the query in the address, so that a search can be shared', async () => {
    const { page, context } = await site.open('sok/');
    await page.getByLabel('Søk i artiklene').fill('toppmøte');
    await page.getByRole('button', { name: 'Søk' }).click();
    assert.equal((await results(page)).status, '1 treff for «toppmøte»');
    assert.equal(new URL(page.url()).search, '?q=toppm%C3%B8te');
    await context.close();
  });

  it('says so and points to the archives when JavaScript is off', async () => {
    const { page, context } = await site.open('sok/?q=putin', { javaScriptEnabled: false });
    const notice = page.locator('.search-no-script');
    assert.equal(await notice.isVisible(), true);
    assert.deepEqual(await notice.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))), [
      '/nyheter/2025/',
      '/nyheter/emne/',
    ]);
    await context.close();
  });
});
