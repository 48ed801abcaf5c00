import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePublicationDate } from '../../src/content/dates.ts';
import { absoluteUrl, permalinkParts, permalinkPath, withBase } from '../../src/content/permalink.ts';

const published = parsePublicationDate('2025-09-02') as Date;

describe('permalinkParts', () => {
  it('takes the slug field over the file name', () => {
    assert.deepEqual(permalinkParts({ published, slug: 'putin-moter-xi' }, 'annet-navn.md'), {
      year: '2025',
      month: '09',
      day: '02',
      slug: 'putin-moter-xi',
    });
  });
  it('transliterates the file name when there is no slug field', () => {
    assert.equal(permalinkParts({ published }, 'Møte i Beijing.md').slug, 'mote-i-beijing');
  });
  it('uses the Oslo calendar date', () => {
    const late = parsePublicationDate('2025-12-31T23:30') as Date;
    assert.equal(permalinkPath(permalinkParts({ published: late }, 'nyttar.md')), '/2025/12/31/nyttar/');
  });
});

describe('permalinkPath', () => {
  it('ends in a slash, for directory output', () => {
    assert.equal(permalinkPath({ year: '2025', month: '09', day: '02', slug: 'a-b' }), '/2025/09/02/a-b/');
  });
});

describe('withBase and absoluteUrl', () => {
  it('puts paths under the root or a sub-path without doubled slashes', () => {
    assert.equal(withBase('/2025/', '/'), '/2025/');
    assert.equal(withBase('/2025/', '/nyheter/'), '/nyheter/2025/');
    assert.equal(withBase('/', '/nyheter/'), '/nyheter/');
    assert.equal(withBase('2025/', '/nyheter'), '/nyheter/2025/');
  });
  it('makes absolute URLs from the site and base', () => {
    assert.equal(
      absoluteUrl('/2025/09/02/a/', 'https://nyheter.example.no', '/'),
      'https://nyheter.example.no/2025/09/02/a/',
    );
    assert.equal(absoluteUrl('/', 'https://example.no', '/nyheter/'), 'https://example.no/nyheter/');
  });
});
