import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import Parser from 'rss-parser';
import { BUILDS, readPage } from '../helpers/builds.ts';
import { all, one, text } from '../helpers/hast.ts';

/** The synthetic article that was updated at 12.00 and corrected at 10.15 and on the next day. */
const build = BUILDS.oddValid;
const PAGE = '2025/03/13/rettet-sak/';
let page: Root;

before(async () => {
  page = await readPage(build, `${PAGE}index.html`);
});

describe('a corrected article', () => {
  it('shows each correction under «Rettelse» with its time, above the text', () => {
    const notes = all(page, 'article .corrections .correction');
    assert.deepEqual(
      notes.map((note) => text(one(note, '.correction-label'))),
      ['Rettelse', 'Rettelse'],
    );
    assert.deepEqual(
      notes.map((note) => one(note, 'time').properties.dateTime),
      ['2025-03-13T10:15:00+01:00', '2025-03-14'],
    );
    assert.match(text(notes[0]!), /Det riktige er onsdag\./);
    assert.ok(all(page, 'article .corrections ~ .article-body').length === 1, 'the corrections come before the body');
  });

  it('shows when it was updated in the dateline', () => {
    assert.match(text(one(page, '.dateline')), /Oppdatert torsdag 13\. mars 2025 kl\. 12\.00/);
  });

  it('lists its corrections in the JSON-LD, and is modified when it last changed', () => {
    const data = JSON.parse(text(one(page, 'script[type="application/ld+json"]')));
    assert.deepEqual(
      data.correction.map((correction: { '@type': string; datePublished: string }) => [
        correction['@type'],
        correction.datePublished,
      ]),
      [
        ['CorrectionComment', '2025-03-13T10:15:00+01:00'],
        ['CorrectionComment', '2025-03-14'],
      ],
    );
    assert.equal(data.dateModified, '2025-03-14');
    assert.equal(one(page, 'meta[property="article:modified_time"]').properties.content, '2025-03-14');
  });

  it('carries its corrections into the feed item', async () => {
    const feed = await new Parser().parseString(await readFile(join(build.dir, 'rss.xml'), 'utf8'));
    const item = feed.items.find(({ title }) => title === 'Syntetisk sak som er rettet');
    assert.match(
      item?.['content:encoded'] ?? '',
      /<strong>Rettelse<\/strong> <time datetime="2025-03-14">fredag 14\. mars 2025<\/time>: Navnet/,
    );
  });
});
