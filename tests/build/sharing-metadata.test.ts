import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import sharp from 'sharp';
import { headersFor, parseHeadersFile } from '../../scripts/static-server.ts';
import { checkFrontmatter } from '../../src/content/check.ts';
import {
  FILE_POLICY,
  PAGE_DIRECTIVES,
  PAGE_HEADER_POLICY,
  SEARCH_INDEX_POLICY,
} from '../../src/site/content-security-policy.ts';
import { BUILDS, buildLog, PROJECT_ROOT, readPage, TEST_SITE_URL } from '../helpers/builds.ts';
import { all, one } from '../helpers/hast.ts';
import { SEED_PERMALINK } from '../helpers/seed.ts';

const SEED_URL = `${TEST_SITE_URL}/nyheter/${SEED_PERMALINK}`;
let page: Root;

before(async () => {
  page = await readPage(BUILDS.subpath, `${SEED_PERMALINK}index.html`);
});

/** The content of each `<meta>` with this property or name. */
function meta(key: string): string[] {
  return all(page, 'meta')
    .filter((element) => element.properties.property === key || element.properties.name === key)
    .map((element) => String(element.properties.content));
}

function jsonLd(tree: Root): Record<string, unknown> {
  const script = one(tree, 'script[type="application/ld+json"]');
  return JSON.parse((script.children[0] as { value: string }).value);
}

describe('the seed article’s preview metadata, under a sub-path', () => {
  it('has an absolute canonical URL and a description from the lede', () => {
    assert.equal(one(page, 'link[rel=canonical]').properties.href, SEED_URL);
    assert.match(meta('description')[0] ?? '', /^Putin kalte Xi for en «nær venn», og sa at/);
  });

  it('has the Open Graph and Twitter tags chat apps read', () => {
    assert.deepEqual(meta('og:type'), ['article']);
    assert.deepEqual(meta('og:title'), ['Putin kalte Xi for en «nær venn»']);
    assert.deepEqual(meta('og:url'), [SEED_URL]);
    assert.deepEqual(meta('og:locale'), ['nb_NO']);
    assert.deepEqual(meta('og:site_name'), ['Nyhetsleser']);
    assert.deepEqual(meta('og:description'), meta('description'));
    assert.deepEqual(meta('og:image'), [`${SEED_URL}card.png`]);
    assert.deepEqual([...meta('og:image:width'), ...meta('og:image:height')], ['1200', '630']);
    assert.deepEqual(meta('og:image:alt'), ['Putin kalte Xi for en «nær venn» – Nyhetsleser']);
    assert.deepEqual(meta('twitter:card'), ['summary_large_image']);
    assert.deepEqual(meta('robots'), ['max-image-preview:large']);
    // The seed gives a date alone: no invented midnight, which is 1 September in UTC.
    assert.deepEqual(meta('article:published_time'), ['2025-09-02']);
    assert.deepEqual(meta('article:modified_time'), ['2025-09-02']);
    assert.deepEqual(meta('article:section'), ['Russland']);
    assert.deepEqual(meta('article:tag'), ['Russland', 'Kina']);
  });

  it('has NewsArticle JSON-LD with the card as its image, since the seed has no photo', () => {
    const data = jsonLd(page);
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'Putin kalte Xi for en «nær venn»');
    assert.equal(data.datePublished, '2025-09-02');
    assert.deepEqual(data.image, [`${SEED_URL}card.png`]);
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': SEED_URL });
    assert.deepEqual(data.publisher, { '@type': 'Organization', name: 'NTB', url: 'https://www.ntb.no/' });
    assert.equal(data.inLanguage, 'nb');
    assert.equal(data.isAccessibleForFree, true);
  });

  it('links the feed, under the base', () => {
    assert.equal(one(page, 'link[rel=alternate][type="application/rss+xml"]').properties.href, '/nyheter/rss.xml');
  });

  it('has a Content-Security-Policy without unsafe-inline, with every directive of the site policy', () => {
    const policy = String(one(page, 'meta[http-equiv=content-security-policy]').properties.content);
    assert.match(policy, /script-src 'self'/);
    assert.match(policy, /style-src 'self' 'sha256-/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    const directives = policy.split(';').map((directive) => directive.trim());
    for (const directive of PAGE_DIRECTIVES) assert.ok(directives.includes(directive), directive);
  });

  it('shares with at most 2 KB of script and no inline event handlers', () => {
    const scripts = all(page, 'script[type=module]').map((script) => (script.children[0] as { value: string }).value);
    assert.equal(scripts.length, 1);
    assert.ok(Buffer.byteLength(scripts.join('')) <= 2048, `${Buffer.byteLength(scripts.join(''))} bytes`);
    const handlers = all(page, '*').flatMap((element) =>
      Object.keys(element.properties).filter((name) => /^on[A-Z]/.test(name)),
    );
    assert.deepEqual(handlers, []);
  });
});

describe('social cards', () => {
  it('is a 1200×630 PNG for each article and for the site', async () => {
    for (const file of [`${SEED_PERMALINK}card.png`, 'card.png']) {
      const metadata = await sharp(join(BUILDS.site.dir, file)).metadata();
      assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', 1200, 630], file);
    }
  });

  it('are each rendered once and put beside their pages', async () => {
    const log = await readFile(buildLog(BUILDS.fixture), 'utf8');
    const [, rendered, cached] = /(\d+) social cards rendered, (\d+) already in the cache/.exec(log) ?? [];
    const files = await readdir(BUILDS.fixture.dir, { recursive: true });
    const cards = files.filter((name) => name.endsWith('card.png')).sort();
    const { articles } = await checkFrontmatter(join(PROJECT_ROOT, BUILDS.fixture.contentDir));
    const beside = articles.map(({ permalink }) => `${permalink?.slice(1)}card.png`);
    // Old permalinks redirect, and have no card.
    assert.deepEqual(cards, ['card.png', ...beside].sort());
    assert.equal(Number(rendered) + Number(cached), cards.length, log);
    assert.equal(Number(cached), 0, 'the test builds start with an empty cache');
  });
});

describe('an article with a lead photo', () => {
  it('gives JSON-LD the photo in 16:9, 4:3 and 1:1 at 1200 px wide', async () => {
    const fixture = await readPage(BUILDS.fixture, '2025/01/15/syntetisk-testartikkel/index.html');
    const images = jsonLd(fixture).image as string[];
    assert.equal(images.length, 3);
    const sizes = await Promise.all(
      images.map(async (url) => {
        assert.ok(url.startsWith(`${TEST_SITE_URL}/arkiv/_astro/`), url);
        const metadata = await sharp(
          join(BUILDS.fixture.dir, new URL(url).pathname.slice('/arkiv/'.length)),
        ).metadata();
        return `${metadata.width}×${metadata.height}`;
      }),
    );
    assert.deepEqual(sizes, ['1200×675', '1200×900', '1200×1200']);
  });
});

describe('the redirect from an old permalink', () => {
  it('is a static page with a canonical link and a meta refresh', async () => {
    const redirect = await readPage(BUILDS.fixture, '2025/01/15/gammel-testlenke/index.html');
    assert.equal(
      one(redirect, 'link[rel=canonical]').properties.href,
      `${TEST_SITE_URL}/arkiv/2025/01/15/syntetisk-testartikkel/`,
    );
    assert.equal(
      one(redirect, 'meta[http-equiv=refresh]').properties.content,
      '0; url=/arkiv/2025/01/15/syntetisk-testartikkel/',
    );
    assert.equal(one(redirect, 'meta[name=robots]').properties.content, 'noindex');
  });
  it('is in _redirects for the hosts that read it', async () => {
    const redirects = await readFile(join(BUILDS.fixture.dir, '_redirects'), 'utf8');
    assert.equal(redirects, '/arkiv/2025/01/15/gammel-testlenke/ /arkiv/2025/01/15/syntetisk-testartikkel/ 301\n');
  });
});

describe('_headers and robots.txt', () => {
  it('writes the host headers file under the base', async () => {
    const headers = await readFile(join(BUILDS.subpath.dir, '_headers'), 'utf8');
    assert.match(headers, /^\/nyheter\/\*\n {2}X-Content-Type-Options: nosniff$/m);
    assert.match(headers, /^\/nyheter\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
    assert.match(headers, /^\/nyheter\/2025\/\*\n {2}Cache-Control: public, max-age=0/m);
  });
  it('covers the search index, which npm run build writes beside the headers', async () => {
    const headers = await readFile(join(BUILDS.site.dir, '_headers'), 'utf8');
    assert.match(headers, /^\/pagefind\/\*\n {2}Cache-Control: public, max-age=0/m);
  });
  for (const build of [BUILDS.subpath, BUILDS.fixture]) {
    it(`gives each page of the ${build.name} build the page policy alone, and each other file a strict one too`, async () => {
      const rules = parseHeadersFile(await readFile(join(build.dir, '_headers'), 'utf8'));
      const files = (await readdir(build.dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && !entry.name.startsWith('_'))
        .map((entry) => join(entry.parentPath, entry.name).slice(build.dir.length + 1));
      assert.ok(files.some((file) => file.endsWith('/card.png')) && files.some((file) => file.startsWith('pagefind/')));
      for (const file of files) {
        const url = `${build.base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
        const policies = headersFor(rules, url)['content-security-policy']?.split(', ');
        const strict = file.startsWith('pagefind/') ? SEARCH_INDEX_POLICY : FILE_POLICY;
        assert.deepEqual(policies, file.endsWith('.html') ? [PAGE_HEADER_POLICY] : [PAGE_HEADER_POLICY, strict], url);
      }
    });
  }
  it('names the sitemap with its absolute URL', async () => {
    const robots = await readFile(join(BUILDS.subpath.dir, 'robots.txt'), 'utf8');
    assert.match(robots, /^Sitemap: https:\/\/nyheter\.example\.no\/nyheter\/sitemap-index\.xml$/m);
  });
});
