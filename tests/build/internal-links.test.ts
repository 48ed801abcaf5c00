import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILDS, htmlFiles, readPage, TEST_SITE_URL, type TestBuild } from '../helpers/builds.ts';
import { all } from '../helpers/hast.ts';

const LINKING_ATTRIBUTES = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['img[srcset]', 'srcSet'],
  ['source[srcset]', 'srcSet'],
] as const;

/** Every URL a page points at, resolved against the page's own URL on the test site. */
async function urlsOf(build: TestBuild, file: string): Promise<URL[]> {
  const pageUrl = new URL(`${build.base}${file.replace(/index\.html$/, '')}`, TEST_SITE_URL);
  const page = await readPage(build, file);
  return LINKING_ATTRIBUTES.flatMap(([selector, property]) =>
    all(page, selector).flatMap((element) => {
      const value = element.properties[property];
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      const urls =
        property === 'srcSet'
          ? values
              .join(',')
              .split(',')
              .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
          : values;
      return urls.filter(Boolean).map((url) => new URL(url, pageUrl));
    }),
  );
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
