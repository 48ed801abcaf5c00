import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILDS, htmlFiles, readPage, TEST_SITE_URL, type TestBuild } from '../helpers/builds.ts';
import { urlsIn } from '../helpers/links.ts';

/** Every URL a page points at, resolved against the page's own URL on the test site. */
async function urlsOf(build: TestBuild, file: string): Promise<URL[]> {
  const pageUrl = new URL(`${build.base}${file.replace(/index\.html$/, '')}`, TEST_SITE_URL);
  return urlsIn(await readPage(build, file), pageUrl);
}

/** The file a CDN would serve for a URL on the site, or undefined when it is outside the base. */
function fileFor(build: TestBuild, url: URL): string | undefined {
  if (!url.pathname.startsWith(build.base)) return undefined;
  const path = decodeURIComponent(url.pathname.slice(build.base.length));
  return join(build.dir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
}

for (const build of Object.values(BUILDS)) {
  describe(`internal links in the ${build.name} build (base ${build.base})`, () => {
    it('resolve to files in dist/, under the base', async () => {
      const broken: string[] = [];
      let checked = 0;
      for (const file of await htmlFiles(build.dir)) {
        for (const url of await urlsOf(build, file)) {
          if (url.origin !== TEST_SITE_URL) continue;
          checked++;
          const target = fileFor(build, url);
          if (!target || !existsSync(target)) broken.push(`${file} → ${url.pathname}`);
        }
      }
      assert.deepEqual(broken, []);
      assert.ok(checked > 3, `only ${checked} internal links were found`);
    });
  });
}
