import { after, before, describe } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../../scripts/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import type { TestBuild } from './builds.ts';

/**
 * Browser tests open the built site in Debian's Chromium through
 * playwright-core. Without Chromium they are skipped with a loud notice,
 * except under CI, where they must run.
 */

const available = hasChromium();
if (!available) {
  const notice = 'NO CHROMIUM at /usr/bin/chromium: browser tests cannot run. Install it: apt-get install -y chromium';
  if (process.env.CI) throw new Error(notice);
  console.warn(`\n${'!'.repeat(notice.length)}\n${notice}\n${'!'.repeat(notice.length)}\n`);
}

export interface Site {
  browser: Browser;
  server: StaticServer;
  /** A new page, which records console errors, uncaught errors and CSP violations in `problems`. */
  open(
    path: string,
    options?: BrowserContextOptions,
  ): Promise<{ page: Page; context: BrowserContext; problems: string[] }>;
}

/** A suite against one build, served like a CDN with its _headers, in one Chromium. */
export function describeInBrowser(name: string, build: Pick<TestBuild, 'dir' | 'base'>, body: (site: Site) => void) {
  describe(name, { skip: !available && 'no Chromium' }, () => {
    const site = {} as Site;
    before(async () => {
      site.server = await startStaticServer(build.dir, build.base);
      site.browser = await launchChromium();
      site.open = async (path, options) => {
        const context = await site.browser.newContext(options);
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
          });
        });
        await page.goto(new URL(path.replace(/^\//, ''), site.server.url).href);
        return { page, context, problems };
      };
    });
    after(async () => {
      await site.browser?.close();
      await site.server?.close();
    });
    body(site);
  });
}
