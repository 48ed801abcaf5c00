import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjacentPagePaths, calendarOf, listingPagePath, paginate, topicsOf } from '../../src/site/archive.ts';
import { parsePublicationDate } from '../../src/content/dates.ts';
import { topicPath } from '../../src/content/permalink.ts';

const PER_PAGE = 3;
const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('paginate', () => {
  it('gives an empty listing one empty page', () => {
    assert.deepEqual(paginate([], PER_PAGE), [{ number: 1, items: [], total: 1 }]);
  });
  it('gives one article one page', () => {
    assert.deepEqual(paginate(numbers(1), PER_PAGE), [{ number: 1, items: [1], total: 1 }]);
  });
  it('fills exactly one page with N articles', () => {
    assert.deepEqual(paginate(numbers(PER_PAGE), PER_PAGE), [{ number: 1, items: [1, 2, 3], total: 1 }]);
  });
  it('starts a second page at N+1', () => {
    assert.deepEqual(paginate(numbers(PER_PAGE + 1), PER_PAGE), [
      { number: 1, items: [1, 2, 3], total: 2 },
      { number: 2, items: [4], total: 2 },
    ]);
  });
  it('refuses a page size below one', () => {
    assert.throws(() => paginate([1], 0), RangeError);
  });
});

describe('listingPagePath', () => {
  it('keeps the first page at the listing itself and numbers the rest', () => {
    assert.equal(listingPagePath('/', 1), '/');
    assert.equal(listingPagePath('/', 2), '/side/2/');
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
    assert.deepEqual(adjacentPagePaths('/', 1, 1), {});
    assert.deepEqual(adjacentPagePaths('/', 1, 3), { older: '/side/2/' });
    assert.deepEqual(adjacentPagePaths('/', 2, 3), { newer: '/', older: '/side/3/' });
    assert.deepEqual(adjacentPagePaths('/emne/okonomi/', 3, 3), { newer: '/emne/okonomi/side/2/' });
  });
});
