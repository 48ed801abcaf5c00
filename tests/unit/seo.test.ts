import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePublicationDate } from '../../src/content/dates.ts';
import {
  type ArticleSeo,
  articleMetaTags,
  newsArticleJsonLd,
  pageMetaTags,
  serializeJsonLd,
  summarize,
} from '../../src/site/seo.ts';

const article: ArticleSeo = {
  title: 'Syntetisk overskrift',
  description: 'Syntetisk ingress.',
  url: 'https://nyheter.example.no/2025/09/02/syntetisk/',
  image: { url: 'https://nyheter.example.no/2025/09/02/syntetisk/card.png', width: 1200, height: 630, alt: 'Kort' },
  published: parsePublicationDate('2025-09-02T14:30') as Date,
  updated: parsePublicationDate('2025-09-03T08:00') as Date,
  tags: ['Utenriks', 'Kina'],
  source: 'NTB',
  structuredDataImages: [
    'https://nyheter.example.no/a-16x9.jpg',
    'https://nyheter.example.no/a-4x3.jpg',
    'https://nyheter.example.no/a-1x1.jpg',
  ],
  homeUrl: 'https://nyheter.example.no/',
};

const content = (tags: ReturnType<typeof articleMetaTags>, key: string) =>
  tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);

describe('articleMetaTags', () => {
  const tags = articleMetaTags(article);
  it('has the Open Graph article tags', () => {
    assert.deepEqual(content(tags, 'og:type'), ['article']);
    assert.deepEqual(content(tags, 'og:title'), ['Syntetisk overskrift']);
    assert.deepEqual(content(tags, 'og:description'), ['Syntetisk ingress.']);
    assert.deepEqual(content(tags, 'og:url'), [article.url]);
    assert.deepEqual(content(tags, 'og:locale'), ['nb_NO']);
    assert.deepEqual(content(tags, 'og:site_name'), ['Nyhetsleser']);
  });
  it('dates the article with the Oslo offset', () => {
    assert.deepEqual(content(tags, 'article:published_time'), ['2025-09-02T14:30:00+02:00']);
    assert.deepEqual(content(tags, 'article:modified_time'), ['2025-09-03T08:00:00+02:00']);
  });
  it('names the section and every tag', () => {
    assert.deepEqual(content(tags, 'article:section'), ['Utenriks']);
    assert.deepEqual(content(tags, 'article:tag'), ['Utenriks', 'Kina']);
  });
  it('has a large image preview with its size and alt text', () => {
    assert.deepEqual(content(tags, 'og:image'), [article.image.url]);
    assert.deepEqual(content(tags, 'og:image:width'), ['1200']);
    assert.deepEqual(content(tags, 'og:image:height'), ['630']);
    assert.deepEqual(content(tags, 'og:image:alt'), ['Kort']);
    assert.deepEqual(content(tags, 'twitter:card'), ['summary_large_image']);
    assert.deepEqual(content(tags, 'robots'), ['max-image-preview:large']);
  });
  it('falls back to the publication time when there is no update', () => {
    assert.deepEqual(content(articleMetaTags({ ...article, updated: undefined }), 'article:modified_time'), [
      '2025-09-02T14:30:00+02:00',
    ]);
  });
});

describe('pageMetaTags', () => {
  it('describes other pages as a website', () => {
    const tags = pageMetaTags({ title: 'Nyhetsleser', description: 'Forsiden.', url: 'https://nyheter.example.no/' });
    assert.deepEqual(content(tags, 'og:type'), ['website']);
    assert.deepEqual(content(tags, 'twitter:card'), ['summary']);
    assert.deepEqual(content(tags, 'article:published_time'), []);
  });
});

describe('newsArticleJsonLd', () => {
  it('is a NewsArticle with what Google asks for', () => {
    const data = newsArticleJsonLd(article);
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'Syntetisk overskrift');
    assert.equal(data.datePublished, '2025-09-02T14:30:00+02:00');
    assert.equal(data.dateModified, '2025-09-03T08:00:00+02:00');
    assert.deepEqual(data.image, article.structuredDataImages);
    assert.deepEqual(data.author, [{ '@type': 'Organization', name: 'NTB', url: 'https://www.ntb.no/' }]);
    assert.deepEqual(data.publisher, { '@type': 'Organization', name: 'NTB', url: 'https://www.ntb.no/' });
    assert.equal(data.inLanguage, 'nb');
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': article.url });
    assert.equal(data.isAccessibleForFree, true);
  });
  it('names writers as people when there is a byline', () => {
    const data = newsArticleJsonLd({ ...article, byline: 'Kari Nordmann og Ola Nordmann' });
    assert.deepEqual(data.author, [
      { '@type': 'Person', name: 'Kari Nordmann' },
      { '@type': 'Person', name: 'Ola Nordmann' },
    ]);
  });
});

describe('serializeJsonLd', () => {
  it('cannot be closed by a title, and parses back to the same data', () => {
    const hostile = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const json = serializeJsonLd(hostile);
    assert.doesNotMatch(json, /[<>]|&(?!\\)/);
    assert.doesNotMatch(json, /\u2028/);
    assert.deepEqual(JSON.parse(json), hostile);
  });
});

describe('summarize', () => {
  it('keeps a description that fits, with its white space folded', () => {
    assert.equal(summarize('Putin kalte Xi for en «nær venn».\n'), 'Putin kalte Xi for en «nær venn».');
  });
  it('cuts a long one at a word boundary, within 160 characters, with an ellipsis', () => {
    const lede = 'Syntetisk ingress med mange ord, '.repeat(30);
    const cut = summarize(lede);
    assert.ok(cut.length <= 160, `${cut.length} characters`);
    assert.ok(cut.endsWith('…'));
    assert.ok(lede.startsWith(cut.slice(0, -1)), 'no word is cut through');
    assert.doesNotMatch(cut, /[\s,;:.]…$/, 'no space or punctuation before the ellipsis');
  });
  it('leaves no comma before the ellipsis', () => {
    assert.equal(summarize(`${'a'.repeat(150)}, ${'b'.repeat(20)}`), `${'a'.repeat(150)}…`);
  });
  it('cuts a word longer than the limit', () => {
    assert.equal(summarize('x'.repeat(500)), `${'x'.repeat(159)}…`);
  });
});

describe('summarize, whole characters', () => {
  it('never cuts an emoji, a family emoji or an accented letter in two, and keeps no-break spaces', () => {
    for (const text of [`${'a'.repeat(158)}😀😀 slutt`, '👨‍👩‍👧'.repeat(200), 'e\u0301'.repeat(400)]) {
      const cut = summarize(text);
      assert.ok(cut.isWellFormed(), JSON.stringify(cut.slice(-4)));
      assert.ok(text.startsWith(cut.slice(0, -1)), 'whole characters only');
    }
    assert.equal(summarize('–\u00A0Vi var der.'), '–\u00A0Vi var der.');
    const longInCodeUnits = '😀'.repeat(100);
    assert.equal(summarize(longInCodeUnits), longInCodeUnits, '200 code units, but 100 characters: it fits');
  });
});

describe('newsArticleJsonLd, corrections', () => {
  it('lists each correction as a CorrectionComment, and is modified when it was last changed', () => {
    const data = newsArticleJsonLd({
      ...article,
      updated: new Date('2025-09-03T08:00:00Z'),
      corrections: [{ date: new Date('2025-09-03T08:00:00Z'), text: 'Syntetisk rettelse.' }],
    });
    assert.deepEqual(data.correction, [
      { '@type': 'CorrectionComment', text: 'Syntetisk rettelse.', datePublished: '2025-09-03T10:00:00+02:00' },
    ]);
    assert.equal(data.dateModified, '2025-09-03T10:00:00+02:00');
    assert.equal(newsArticleJsonLd(article).correction, undefined);
  });
});
