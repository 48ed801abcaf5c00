import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rehype } from 'rehype';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { BUILDS, TEST_SITE_URL } from '../helpers/builds.ts';
import { urlsIn } from '../helpers/links.ts';

/**
 * A crawler that starts at the front page, follows every internal link and
 * asset, and expects each to answer 200, against a server that behaves like a
 * CDN in front of dist/.
 */

function linksOf(html: string, pageUrl: string, serverOrigin: string): string[] {
  return urlsIn(rehype().parse(html), pageUrl).map((url) =>
    // Absolute URLs name the public site; the crawler asks the local server for them.
    url.origin === TEST_SITE_URL ? new URL(url.pathname + url.search, serverOrigin).href : url.href,
  );
}

async function crawl(start: string): Promise<{ visited: Map<string, number>; pages: number }> {
  const origin = new URL(start).origin;
  const visited = new Map<string, number>();
  const queue = [start];
  let pages = 0;
  while (queue.length) {
    const url = queue.shift() as string;
    if (visited.has(url) || new URL(url).origin !== origin) continue;
    const response = await fetch(url);
    visited.set(url, response.status);
    if (!response.headers.get('content-type')?.startsWith('text/html') || response.status !== 200) {
      await response.arrayBuffer();
      continue;
    }
    pages++;
    queue.push(...linksOf(await response.text(), response.url, origin));
  }
  return { visited, pages };
}

for (const build of [BUILDS.site, BUILDS.subpath, BUILDS.fixture]) {
  describe(`crawling the ${build.name} build at base ${build.base}`, () => {
    let server: StaticServer;
    before(async () => {
      server = await startStaticServer(build.dir, build.base);
    });
    after(() => server.close());

    it('finds no broken link or asset', async () => {
      const { visited, pages } = await crawl(server.url);
      const broken = [...visited].filter(([, status]) => status !== 200).map(([url, status]) => `${status} ${url}`);
      assert.deepEqual(broken, []);
      assert.ok(pages >= 2, `only ${pages} pages were reached`);
      assert.ok(
        [...visited.keys()].some((url) => url.endsWith('card.png')),
        'the social card was checked',
      );
    });

    it('answers an unknown path with the Norwegian 404 page and status 404', async () => {
      const response = await fetch(new URL('finnes-ikke/', server.url));
      assert.equal(response.status, 404);
      assert.match(await response.text(), /Siden finnes ikke/);
    });
  });
}
