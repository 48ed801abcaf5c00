import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILDS, htmlFiles, readPage, TEST_SITE_URL, type TestBuild } from '../helpers/builds.ts';
import { all } from '../helpers/hast.ts';
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

    it('lead to sections their pages have', async () => {
      const idsByFile = new Map<string, Set<string>>();
      const idsIn = async (file: string) => {
        let ids = idsByFile.get(file);
        if (!ids) {
          ids = new Set(all(await readPage(build, file), '[id]').map((element) => String(element.properties.id)));
          idsByFile.set(file, ids);
        }
        return ids;
      };
      const missing: string[] = [];
      let checked = 0;
      for (const file of await htmlFiles(build.dir)) {
        const pageUrl = new URL(`${build.base}${file.replace(/index\.html$/, '')}`, TEST_SITE_URL);
        for (const link of all(await readPage(build, file), 'a[href]')) {
          const url = new URL(String(link.properties.href), pageUrl);
          // A text fragment names a passage, not an element.
          if (url.origin !== TEST_SITE_URL || !url.hash || url.hash.startsWith('#:~:')) continue;
          const target = fileFor(build, url);
          // A missing page is the test above's to report.
          if (!target || !existsSync(target)) continue;
          checked++;
          const id = decodeURIComponent(url.hash.slice(1));
          if (!(await idsIn(target.slice(build.dir.length + 1))).has(id))
            missing.push(`${file} → ${url.pathname}${url.hash}`);
        }
      }
      assert.deepEqual(missing, []);
      assert.ok(checked > 0, 'no link to a section was found');
    });
  });
}

describe('the odd but valid articles', () => {
  it('link to sections by every route the corpus tries: footnotes, HTML anchors, other articles', async () => {
    for (const build of [BUILDS.oddValid, BUILDS.oddValidSubpath]) {
      const hrefs = new Set<string>();
      for (const file of await htmlFiles(build.dir)) {
        if (!/^\d{4}\//.test(file)) continue;
        for (const link of all(await readPage(build, file), 'main a[href]')) hrefs.add(String(link.properties.href));
      }
      const anyMatch = (pattern: RegExp) => [...hrefs].some((href) => pattern.test(href));
      assert.ok(anyMatch(/^#user-content-fn-/), `a footnote link in ${build.name}`);
      assert.ok(anyMatch(/^#user-content-fnref-/), `a footnote's way back in ${build.name}`);
      assert.ok(anyMatch(/^#user-content-p%C3%A5-tvers$/), `the link to an HTML anchor in ${build.name}`);
      assert.ok(anyMatch(/^#kina-og-eu$/), `the link to a heading with inline HTML in ${build.name}`);
      assert.ok(
        anyMatch(new RegExp(`^${build.base}\\d{4}/\\d{2}/\\d{2}/[a-z-]+/#`)),
        `a link to another article's section under ${build.base}`,
      );
    }
  });
});
