import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import type { Root as HtmlRoot } from 'hast';
import Parser from 'rss-parser';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toString } from 'xast-util-to-string';
import { calendarParts } from '../../src/content/dates.ts';
import { ageNotice } from '../../src/site/age.ts';
import { astroBuild, type BuildResult, TEST_SITE_URL } from '../helpers/builds.ts';
import { article, contentFolder } from '../helpers/content-folder.ts';
import { all, one, text } from '../helpers/hast.ts';

/**
 * A synthetic newsroom archive, built once: a fresh article, published an
 * hour before the build; a corrected one from yesterday; an old one with a
 * clock time; and an old one with a date and no time. Each of them shows
 * what a reader, a news search engine and a feed reader must be told.
 */

const HOUR = 3600 * 1000;
const now = Date.now();
/** A time as an editor writes it, in UTC, to the minute. */
const written = (time: number) => `${new Date(time).toISOString().slice(0, 16)}Z`;
const folder = (time: number) => Object.values(calendarParts(new Date(time))).join('/');

const FRESH = now - HOUR;
const CORRECTED = now - 26 * HOUR;
const CORRECTION = now - 2 * HOUR;
const paths = {
  fresh: `${folder(FRESH)}/fersk/`,
  corrected: `${folder(CORRECTED)}/rettet/`,
  old: '2023/05/10/gammel-med-klokkeslett/',
  dateOnly: '2025/01/02/bare-dato/',
};

let root: string;
let build: BuildResult;

before(async () => {
  root = await contentFolder({
    [`articles/${folder(FRESH)}/fersk.md`]: article(
      `title: Syntetisk fersk sak & «sitat»\npublished: ${written(FRESH)}\nsource: NTB`,
    ),
    [`articles/${folder(CORRECTED)}/rettet.md`]: article(
      [
        'title: Syntetisk rettet sak',
        `published: ${written(CORRECTED)}`,
        'source: NTB',
        'corrections:',
        `  - date: ${written(CORRECTION)}`,
        '    text: Syntetisk rettelse. Det riktige er onsdag.',
      ].join('\n'),
    ),
    'articles/2023/05/10/gammel-med-klokkeslett.md': article(
      'title: Syntetisk gammel sak\npublished: 2023-05-10T08:30\nsource: NTB',
    ),
    'articles/2025/01/02/bare-dato.md': article(
      'title: Syntetisk sak med bare dato\npublished: 2025-01-02\nupdated: 2025-01-05T10:00\nsource: NTB',
    ),
  });
  build = await astroBuild({ outDir: join(root, 'dist'), contentDir: root, cacheDir: join(root, 'cache') });
  assert.equal(build.code, 0, build.output);
});

const xml = async (file: string): Promise<Root> => fromXml(await readFile(join(root, 'dist', file), 'utf8'));
const page = async (path: string): Promise<HtmlRoot> =>
  fromHtml(await readFile(join(root, 'dist', path, 'index.html'), 'utf8'));
function elements(node: Root | Element, name: string): Element[] {
  return node.children.flatMap((child) =>
    child.type === 'element' ? [...(child.name === name ? [child] : []), ...elements(child, name)] : [],
  );
}
const first = (node: Element, name: string) => toString(elements(node, name)[0]!);
const linkedData = (tree: HtmlRoot) => JSON.parse(text(one(tree, 'script[type="application/ld+json"]')));
const meta = (tree: HtmlRoot, property: string) => one(tree, `meta[property="${property}"]`).properties.content;

describe('a newsroom archive: fresh, corrected, old and date-only', () => {
  it('lists the articles of the last two days for news search, with publication, date and headline', async () => {
    const urls = elements(await xml('sitemap-news.xml'), 'url');
    assert.deepEqual(
      urls.map((url) => first(url, 'loc')),
      [`${TEST_SITE_URL}/${paths.fresh}`, `${TEST_SITE_URL}/${paths.corrected}`],
    );
    const [fresh] = urls as [Element];
    assert.equal(first(fresh, 'news:name'), 'Nyhetsleser');
    assert.equal(first(fresh, 'news:language'), 'nb');
    assert.equal(new Date(first(fresh, 'news:publication_date')).getTime(), new Date(written(FRESH)).getTime());
    assert.equal(first(fresh, 'news:title'), 'Syntetisk fersk sak & «sitat»');
  });

  it('gives every article in the main sitemap when it last changed, and robots.txt names both sitemaps', async () => {
    // Listings have no lastmod: only an article knows when it last changed.
    const lastmods = new Map(
      elements(await xml('sitemap-0.xml'), 'url').map((url) => [
        first(url, 'loc'),
        elements(url, 'lastmod').map(toString).join(''),
      ]),
    );
    const lastmod = (path: string) => lastmods.get(`${TEST_SITE_URL}/${path}`) ?? '';
    assert.equal(new Date(lastmod(paths.fresh)).getTime(), new Date(written(FRESH)).getTime());
    assert.equal(new Date(lastmod(paths.corrected)).getTime(), new Date(written(CORRECTION)).getTime());
    assert.equal(lastmod(paths.old), '2023-05-10T06:30:00.000Z');
    assert.equal(lastmod(paths.dateOnly), '2025-01-05T09:00:00.000Z');
    const robots = await readFile(join(root, 'dist/robots.txt'), 'utf8');
    assert.match(robots, /^Sitemap: https:\/\/nyheter\.example\.no\/sitemap-index\.xml$/m);
    assert.match(robots, /^Sitemap: https:\/\/nyheter\.example\.no\/sitemap-news\.xml$/m);
  });

  it('tells a reader that the old articles are old, and says nothing of the age of the new', async () => {
    const notices = new Map<string, string[]>();
    for (const [name, path] of Object.entries(paths)) notices.set(name, all(await page(path), '.age-notice').map(text));
    const built = new Date(now);
    assert.deepEqual(notices.get('old'), [ageNotice(new Date('2023-05-10T06:30Z'), built)]);
    assert.deepEqual(notices.get('dateOnly'), [ageNotice(new Date('2025-01-01T23:00Z'), built)]);
    assert.deepEqual(notices.get('fresh'), []);
    assert.deepEqual(notices.get('corrected'), []);
  });

  it('shows the correction under «Rettelse» with its time, in the JSON-LD and as the last change', async () => {
    const tree = await page(paths.corrected);
    const [correction, ...others] = all(tree, 'article .corrections .correction');
    assert.equal(others.length, 0);
    assert.equal(text(one(correction!, '.correction-label')), 'Rettelse');
    assert.equal(
      new Date(String(one(correction!, 'time').properties.dateTime)).getTime(),
      CORRECTION - (CORRECTION % 60000),
    );
    const data = linkedData(tree);
    assert.equal(data.correction[0]['@type'], 'CorrectionComment');
    assert.equal(data.correction[0].text, 'Syntetisk rettelse. Det riktige er onsdag.');
    assert.equal(data.dateModified, data.correction[0].datePublished);
    assert.equal(meta(tree, 'article:modified_time'), data.dateModified);
  });

  it('invents no time for the date-only article: its date stands alone wherever a date may', async () => {
    const tree = await page(paths.dateOnly);
    const data = linkedData(tree);
    assert.equal(data.datePublished, '2025-01-02');
    assert.equal(meta(tree, 'article:published_time'), '2025-01-02');
    assert.equal(one(tree, '.dateline time').properties.dateTime, '2025-01-02');
    // Updated at a time of day, which it has.
    assert.equal(data.dateModified, '2025-01-05T10:00:00+01:00');
  });

  it('gives a feed reader every article, the correction in its item, and the date-only one at noon in Oslo', async () => {
    const feed = await new Parser().parseString(await readFile(join(root, 'dist/rss.xml'), 'utf8'));
    const items = new Map(feed.items.map((item) => [item.title, item]));
    assert.equal(items.size, 4);
    assert.match(items.get('Syntetisk rettet sak')?.['content:encoded'] ?? '', /<strong>Rettelse<\/strong>/);
    assert.equal(items.get('Syntetisk sak med bare dato')?.isoDate, '2025-01-02T11:00:00.000Z');
    assert.equal(items.get('Syntetisk gammel sak')?.isoDate, '2023-05-10T06:30:00.000Z');
  });
});
