import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EMBED_ORIGINS } from '../../src/markdown/html-policy.ts';
import { PAGE_HEADER_POLICY } from '../../src/site/content-security-policy.ts';
import { BUILDS } from '../helpers/builds.ts';
import { describeInBrowser } from '../helpers/browser.ts';

const ARTICLE = '2025/03/12/video-og-bilde/';

/** A load the CSP blocked, as the violation event the page reports it, or as Chromium's own console message. */
const blockedByCsp = (problem: string) => /CSP violation|Content Security Policy/i.test(problem);

describeInBrowser('embeds and photos from other sites, in Chromium', BUILDS.oddValid, (site) => {
  it('is served with the page policy as a header, beside the meta tag', async () => {
    const response = await fetch(new URL(ARTICLE, site.server.url));
    assert.equal(response.headers.get('content-security-policy'), PAGE_HEADER_POLICY);
    assert.match(await response.text(), /<meta http-equiv="content-security-policy" content="[^"]*frame-src https:/);
  });

  it('shows the embeds and the photo the HTML policy allows, with nothing blocked by the CSP', async () => {
    const { page, context, problems } = await site.open(ARTICLE);
    const frames = await page
      .locator('main iframe')
      .evaluateAll((elements) => elements.map((element) => new URL((element as HTMLIFrameElement).src).origin));
    assert.deepEqual(frames.sort(), [...EMBED_ORIGINS].sort());
    assert.equal(await page.locator('main img[src="https://bilder.example/syntetisk.jpg"]').count(), 1);
    // With no network here they fail to load, but as requests: the CSP would have stopped them first.
    assert.deepEqual(problems.filter(blockedByCsp), []);
    await context.close();
  });

  it('blocks a frame from a host that is not on the list', async () => {
    const { page, context, problems } = await site.open(ARTICLE);
    const reported = page.waitForEvent('console', (message) => blockedByCsp(message.text()));
    await page.evaluate(() => {
      const frame = Object.assign(document.createElement('iframe'), { src: 'https://www.youtube.com/embed/syntetisk' });
      document.body.append(frame);
    });
    await reported;
    assert.ok(
      problems.some((problem) => blockedByCsp(problem) && problem.includes('frame-src')),
      problems.join('\n'),
    );
    await context.close();
  });
});
