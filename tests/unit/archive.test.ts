import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { adjacentPagePaths, calendarOf, listingPagePath, paginate, topicsOf } from '../../src/site/archive.ts';
import { parsePublicationDate } from '../../src/content/dates.ts';
import { topicPath } from '../../src/content/permalink.ts';

const PER_PAGE = 3;
/** A listing of `count` items, newest first: the newest is the highest number. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

describe('paginate', () => {
  it('gives an empty listing its own page, empty', () => {
    assert.deepEqual(paginate([], PER_PAGE), [{ number: 0, items: [] }]);
  });
  it('keeps up to N articles on the listing’s own page', () => {
    assert.deepEqual(paginate(newestFirst(1), PER_PAGE), [{ number: 0, items: [1] }]);
    assert.deepEqual(paginate(newestFirst(PER_PAGE), PER_PAGE), [{ number: 0, items: [3, 2, 1] }]);
  });
  it('numbers the later pages from the oldest, each one full, and links them both ways', () => {
    assert.deepEqual(paginate(newestFirst(PER_PAGE + 1), PER_PAGE), [
      { number: 0, items: [4, 3, 2], older: 1 },
      { number: 1, items: [3, 2, 1], newer: 0 },
    ]);
    assert.deepEqual(paginate(newestFirst(8), PER_PAGE), [
      { number: 0, items: [8, 7, 6], older: 2 },
      { number: 1, items: [3, 2, 1], newer: 2 },
      { number: 2, items: [6, 5, 4], newer: 0, older: 1 },
    ]);
  });
  it('makes no later page that the listing’s own page shows whole', () => {
    assert.deepEqual(
      paginate(newestFirst(2 * PER_PAGE), PER_PAGE).map((page) => page.number),
      [0, 1],
    );
  });
  it('changes the listing’s own page and at most two others when an article is published', () => {
    for (let count = 0; count < 40; count++) {
      const before = new Map(paginate(newestFirst(count), PER_PAGE).map((page) => [page.number, page]));
      const after = paginate(newestFirst(count + 1), PER_PAGE);
      const changed = after.filter((page) => page.number > 0 && !isDeepStrictEqual(page, before.get(page.number)));
      assert.ok(changed.length <= 2, `${count} + 1 articles: pages ${changed.map((page) => page.number)} changed`);
      assert.ok(
        [...before.keys()].every((number) => after.some((page) => page.number === number)),
        'no page disappears',
      );
    }
  });
  it('refuses a page size below one', () => {
    assert.throws(() => paginate([1], 0), RangeError);
  });
});

describe('listingPagePath', () => {
  it('keeps page 0 at the listing itself and numbers the rest', () => {
    assert.equal(listingPagePath('/', 0), '/');
    assert.equal(listingPagePath('/', 1), '/side/1/');
    assert.equal(listingPagePath('/emne/okonomi/', 3), '/emne/okonomi/side/3/');
  });
});

const article = (published: string, tags: string[] = []) => ({
  published: parsePublicationDate(published) as Date,
  tags,
});

describe('calendarOf', () => {
  it('groups articles by Oslo year, month and day, keeping their order', () => {
    const late = article('2025-12-31T23:30');
    const early = article('2025-09-02T08:00');
    const earlier = article('2025-09-02T07:00');
    const calendar = calendarOf([late, early, earlier], (item) => item.published);
    assert.deepEqual([...calendar.keys()], ['2025']);
    assert.deepEqual([...calendar.get('2025')!.keys()], ['12', '09']);
    assert.deepEqual(calendar.get('2025')!.get('09')!.get('02'), [early, earlier]);
    assert.deepEqual(calendar.get('2025')!.get('12')!.get('31'), [late]);
  });
});

describe('topics', () => {
  it('gives tags with æ, ø and å ASCII slugs', () => {
    assert.equal(topicPath('Økonomi'), '/emne/okonomi/');
    assert.equal(topicPath('Blåbær'), '/emne/blabaer/');
    assert.equal(topicPath('Nord-Korea'), '/emne/nord-korea/');
  });
  it('merges tags that spell the same slug under the spelling most articles use', () => {
    const a = article('2025-09-03', ['Økonomi', 'Kina']);
    const b = article('2025-09-02', ['okonomi']);
    const c = article('2025-09-01', ['Økonomi', 'Økonomi']);
    const topics = topicsOf([a, b, c], (item) => item.tags);
    assert.deepEqual(
      topics.map((topic) => [topic.slug, topic.name, topic.articles]),
      [
        ['kina', 'Kina', [a]],
        ['okonomi', 'Økonomi', [a, b, c]],
      ],
    );
  });
  it('sorts topics in Norwegian order, with æ, ø and å last', () => {
    const topics = topicsOf(
      [article('2025-09-02', ['Åsane', 'Ørsta', 'Zambia', 'Ærø', 'Bergen'])],
      (item) => item.tags,
    );
    assert.deepEqual(
      topics.map((topic) => topic.name),
      ['Bergen', 'Zambia', 'Ærø', 'Ørsta', 'Åsane'],
    );
  });
});

describe('adjacentPagePaths', () => {
  it('names the newer and older pages only where they exist', () => {
    assert.deepEqual(adjacentPagePaths('/', {}), {});
    assert.deepEqual(adjacentPagePaths('/', { older: 2 }), { older: '/side/2/' });
    assert.deepEqual(adjacentPagePaths('/', { newer: 0, older: 1 }), { newer: '/', older: '/side/1/' });
    assert.deepEqual(adjacentPagePaths('/emne/okonomi/', { newer: 3 }), { newer: '/emne/okonomi/side/3/' });
  });
});
