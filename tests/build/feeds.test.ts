import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Parser from 'rss-parser';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toString } from 'xast-util-to-string';
import { BUILDS, TEST_SITE_URL } from '../helpers/builds.ts';
import { SEED_PERMALINK } from '../helpers/seed.ts';

async function xml(build: (typeof BUILDS)[keyof typeof BUILDS], file: string): Promise<Root> {
  return fromXml(await readFile(join(build.dir, file), 'utf8'));
}

function elements(node: Root | Element, name: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.name === name) found.push(child);
    found.push(...elements(child, name));
  }
  return found;
}

describe('the RSS feed', () => {
  it('parses as RSS 2.0 and carries the article with its full text', async () => {
    const feed = await xml(BUILDS.subpath, 'rss.xml');
    const [rss] = elements(feed, 'rss');
    assert.equal(rss?.attributes.version, '2.0');
    const items = elements(feed, 'item');
    assert.equal(items.length, 1);
    const [item] = items as [Element];
    assert.equal(toString(elements(item, 'title')[0]!), 'Putin kalte Xi for en «nær venn»');
    assert.equal(toString(elements(item, 'link')[0]!), `${TEST_SITE_URL}/nyheter/${SEED_PERMALINK}`);
    const body = toString(elements(item, 'content:encoded')[0]!);
    assert.match(body, /Vi var alltid sammen da og vi er fortsatt sammen nå/);
    assert.match(body, /Recep Tayyip Erdogan\.<\/p>/);
  });
  it('makes links in the full text absolute', async () => {
    const feed = await xml(BUILDS.fixture, 'rss.xml');
    const item = elements(feed, 'item').find((candidate) =>
      toString(elements(candidate, 'title')[0]!).startsWith('Syntetisk testartikkel'),
    );
    const body = toString(elements(item!, 'content:encoded')[0]!);
    assert.match(body, new RegExp(`src="${TEST_SITE_URL}/arkiv/_astro/testbilde`));
    assert.match(
      body,
      new RegExp(`srcset="${TEST_SITE_URL}/arkiv/_astro/testbilde[^ ]+ 390w, ${TEST_SITE_URL}/arkiv/_astro/`),
    );
  });
});

describe('the RSS feed, as a feed reader reads it (rss-parser)', () => {
  it('names itself, and carries each article as clean HTML: no anchors, no data attributes, absolute addresses, the caption and credit', async () => {
    const parser = new Parser({ customFields: { feed: ['atom:link'] } });
    const feed = await parser.parseString(await readFile(join(BUILDS.subpath.dir, 'rss.xml'), 'utf8'));
    const self = (feed as unknown as Record<string, { $?: { href?: string; rel?: string } }>)['atom:link']?.$;
    assert.deepEqual([self?.rel, self?.href], ['self', `${TEST_SITE_URL}/nyheter/rss.xml`]);
    const [item] = feed.items;
    const html = item?.['content:encoded'] as string;
    assert.doesNotMatch(html, /Lenke til seksjonen|heading-anchor/);
    assert.doesNotMatch(html, /\sdata-[a-z-]+=/);
    for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) assert.match(url ?? '', /^https:\/\//);
    assert.match(html, /Russlands president Vladimir Putin snakket med/);
    assert.match(html, /Foto: Alexander Kazakov \/ Sputnik \/ AP \/ NTB/);
    assert.ok((item?.contentSnippet ?? '').length <= 161, 'the summary is cut');
  });
});

describe('the sitemap', () => {
  it('lists the article under the base, and not the redirect', async () => {
    const index = await xml(BUILDS.fixture, 'sitemap-index.xml');
    const sitemapUrls = elements(index, 'loc').map((loc) => toString(loc));
    assert.deepEqual(sitemapUrls, [`${TEST_SITE_URL}/arkiv/sitemap-0.xml`]);
    const urls = elements(await xml(BUILDS.fixture, 'sitemap-0.xml'), 'loc').map((loc) => toString(loc));
    assert.ok(urls.includes(`${TEST_SITE_URL}/arkiv/2025/01/15/syntetisk-testartikkel/`), urls.join(' '));
    assert.ok(!urls.some((url) => url.includes('gammel-testlenke')), urls.join(' '));
  });
});
