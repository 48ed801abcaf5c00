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
    for (const query of ['Emner', 'nyhetsbyrået', 'lesetid', 'Kopier', 'seksjonen']) {
      const { page, context } = await site.open(`sok/?q=${encodeURIComponent(query)}`);
      assert.equal((await results(page)).status, `Ingen treff for «${query}»`, query);
      await context.close();
    }
  });

  it('marks with «…» where an excerpt cuts the article, and nowhere else', async () => {
    const excerpt = async (query: string) => {
      const { page, context } = await site.open(`sok/?q=${encodeURIComponent(query)}`);
      await results(page);
      const [text = ''] = await page.locator('.search-results p').allTextContents();
      await context.close();
      return text;
    };
    // A word in the middle of the story, and one in its headline, where the indexed text begins.
    const middle = await excerpt('sanksjonene');
    assert.ok(middle.startsWith('… ') && middle.endsWith(' …'), middle);
    const opening = await excerpt('kalte');
    assert.ok(opening.startsWith('Putin kalte Xi for en «nær venn»') && opening.endsWith(' …'), opening);
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

describeInBrowser('archives, topics and search on the fixture site', BUILDS.fixture, (site) => {
  it('leads from a year to a month, a day and the article by clicking', async () => {
    const { page, context, problems } = await site.open('2025/');
    await page.getByRole('link', { name: 'januar 2025' }).click();
    await page.getByRole('link', { name: 'onsdag 15. januar' }).click();
    assert.equal(new URL(page.url()).pathname, '/arkiv/2025/01/15/');
    await page.getByRole('link', { name: 'Syntetisk testartikkel med «sitat» og bilde' }).click();
    assert.equal(new URL(page.url()).pathname, '/arkiv/2025/01/15/syntetisk-testartikkel/');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('leads from an article to its topic and back', async () => {
    const { page, context } = await site.open('2025/01/15/syntetisk-testartikkel/');
    await page.locator('.article-tags').getByRole('link', { name: 'Økonomi' }).click();
    assert.equal(new URL(page.url()).pathname, '/arkiv/emne/okonomi/');
    assert.equal(await page.locator('h1').textContent(), 'Økonomi');
    await page.getByRole('link', { name: 'Syntetisk testartikkel med «sitat» og bilde' }).click();
    assert.equal(new URL(page.url()).pathname, '/arkiv/2025/01/15/syntetisk-testartikkel/');
    await context.close();
  });

  it('pages through the front page, one article a page', async () => {
    const { page, context } = await site.open('');
    await page.getByRole('link', { name: 'Eldre saker →' }).click();
    assert.equal(new URL(page.url()).pathname, '/arkiv/side/1/');
    await page.getByRole('link', { name: '← Nyere saker' }).click();
    assert.equal(new URL(page.url()).pathname, '/arkiv/');
    await context.close();
  });

  it('finds the synthetic article by an inflected word', async () => {
    // The article says "seksjon"; the query is the plural.
    const { page, context } = await site.open('sok/?q=seksjonene');
    const found = await results(page);
    assert.deepEqual(found.links, ['/arkiv/2025/01/15/syntetisk-testartikkel/']);
    await context.close();
  });
});

describeInBrowser('searching every year of the index, in Chromium', BUILDS.oddValidSubpath, (site) => {
  it('finds an article of an earlier year, in its volume merged into the newest, and one of the newest year', async () => {
    // The one article of 2024 says "reinsdyrflokk"; the query is inflected.
    for (const [query, link] of [
      ['reinsdyrflokken', '/nyheter/2024/11/20/fjorarets-sak/'],
      ['nivået', '/nyheter/2025/03/11/dype-sitater/'],
    ]) {
      const { page, context, problems } = await site.open(`sok/?q=${encodeURIComponent(query!)}`);
      const found = await results(page);
      assert.equal(found.status, `1 treff for «${query}»`);
      assert.deepEqual(found.links, [link]);
      assert.deepEqual(problems, [], 'the CSP lets the volumes load');
      await context.close();
    }
  });

  it('finds nothing in the page an article moved from, in a year of the index that holds only it', async () => {
    // 2026 has only the redirect from where the 2024 article was first published: the newest year's volume.
    const { page, context } = await site.open('sok/?q=flyttet');
    assert.equal((await results(page)).status, 'Ingen treff for «flyttet»');
    await context.close();
  });

  it('counts and lists the hits of every year together', async () => {
    const { page, context } = await site.open('sok/?q=syntetisk');
    const found = await results(page);
    const years = new Set(found.links.map((link) => link.split('/')[2]));
    assert.deepEqual([...years].sort(), ['2024', '2025']);
    assert.equal(found.status, `${found.links.length} treff for «syntetisk»`);
    await context.close();
  });
});
