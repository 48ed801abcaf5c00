import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toString } from 'xast-util-to-string';
import { astroBuild, type BuildResult, TEST_SITE_URL } from '../helpers/builds.ts';
import { article, contentFolder } from '../helpers/content-folder.ts';

/**
 * The sitemaps of a synthetic archive with a fresh article, published an hour
 * before the build, and an old one: the news sitemap lists only the fresh
 * one, and the main sitemap gives each article when it last changed.
 */

const freshTime = new Date(Date.now() - 3600 * 1000);
const fresh = freshTime.toISOString().slice(0, 16);
let root: string;
let build: BuildResult;

before(async () => {
  root = await contentFolder({
    [`articles/${fresh.slice(0, 10).replaceAll('-', '/')}/fersk.md`]: article(
      `title: Syntetisk fersk sak & «sitat»\npublished: ${fresh}Z\nsource: NTB`,
    ),
    'articles/2025/01/02/gammel.md': article(
      'title: Syntetisk gammel sak\npublished: 2025-01-02\nupdated: 2025-01-05T10:00\nsource: NTB',
    ),
  });
  build = await astroBuild({ outDir: join(root, 'dist'), contentDir: root, cacheDir: join(root, 'cache') });
});

const read = async (file: string): Promise<Root> => fromXml(await readFile(join(root, 'dist', file), 'utf8'));
function elements(node: Root | Element, name: string): Element[] {
  return node.children.flatMap((child) =>
    child.type === 'element' ? [...(child.name === name ? [child] : []), ...elements(child, name)] : [],
  );
}

describe('the sitemaps', () => {
  it('list the articles of the last two days for news search, with publication, date and headline', async () => {
    assert.equal(build.code, 0, build.output);
    const news = await read('sitemap-news.xml');
    const urls = elements(news, 'url');
    assert.equal(urls.length, 1);
    const [url] = urls as [Element];
    assert.match(toString(elements(url, 'loc')[0]!), /\/fersk\/$/);
    assert.equal(toString(elements(url, 'news:name')[0]!), 'Nyhetsleser');
    assert.equal(toString(elements(url, 'news:language')[0]!), 'nb');
    assert.equal(
      new Date(toString(elements(url, 'news:publication_date')[0]!)).getTime(),
      new Date(`${fresh}Z`).getTime(),
    );
    assert.equal(toString(elements(url, 'news:title')[0]!), 'Syntetisk fersk sak & «sitat»');
  });
  it('give every article when it last changed, and robots.txt names both', async () => {
    const main = await read('sitemap-0.xml');
    const lastmods = new Map(
      elements(main, 'url').map((url) => [
        toString(elements(url, 'loc')[0]!),
        toString(elements(url, 'lastmod')[0] ?? url),
      ]),
    );
    assert.equal(lastmods.get(`${TEST_SITE_URL}/2025/01/02/gammel/`), '2025-01-05T09:00:00.000Z');
    const robots = await readFile(join(root, 'dist/robots.txt'), 'utf8');
    assert.match(robots, /^Sitemap: https:\/\/nyheter\.example\.no\/sitemap-index\.xml$/m);
    assert.match(robots, /^Sitemap: https:\/\/nyheter\.example\.no\/sitemap-news\.xml$/m);
  });
});
