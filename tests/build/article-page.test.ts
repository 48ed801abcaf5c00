import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import { BUILDS, readPage } from '../helpers/builds.ts';
import { all, one, text } from '../helpers/hast.ts';
import { ageNotice } from '../../src/site/age.ts';
import { SEED_PERMALINK, seedParagraphs } from '../helpers/seed.ts';

let page: Root;
let paragraphs: string[];

before(async () => {
  page = await readPage(BUILDS.site, `${SEED_PERMALINK}index.html`);
  paragraphs = await seedParagraphs();
});

describe('the seed article page', () => {
  it('is in Norwegian Bokmål', () => {
    assert.equal(one(page, 'html').properties.lang, 'nb');
  });

  it('keeps every paragraph of the wire text, in order, and nothing else', () => {
    const [, ...body] = paragraphs;
    const captions = all(page, '.article-body figure p');
    const story = all(page, '.article-body :is(p, h2)').filter((element) => !captions.includes(element));
    assert.deepEqual(story.map(text), body);
  });

  it('uses the lede’s own words for the headline', () => {
    const headline = text(one(page, 'h1'));
    const lede = text(one(page, '.article-body p.lede'));
    assert.equal(headline, 'Putin kalte Xi for en «nær venn»');
    assert.ok(lede.startsWith(headline), 'the lede starts with the headline');
    // The page keeps the whole lede; its description is the lede cut at a word, within 160 characters.
    const description = String(one(page, 'meta[name=description]').properties.content);
    assert.ok(description.length <= 160 && description.endsWith('…'), description);
    assert.ok(lede.startsWith(description.slice(0, -1)), description);
  });

  it('has the opening and one section per subheading, labelled by it', () => {
    assert.equal(all(page, '.article-body > .opening > p').length, 2);
    const sections = all(page, '.article-body > section');
    assert.deepEqual(
      sections.map((section) => [
        String(section.properties.ariaLabelledBy),
        one(section, 'h2').properties.id,
        text(one(section, 'h2')),
        one(section, '.heading-anchor').properties.href,
      ]),
      [
        ['alltid-sammen', 'alltid-sammen', '– Alltid sammen', '#alltid-sammen'],
        ['stikk-mot-vesten', 'stikk-mot-vesten', 'Stikk mot Vesten', '#stikk-mot-vesten'],
      ],
    );
  });

  it('binds the quote dash to the next word', () => {
    const quote = all(page, '.article-body p').find((p) => text(p).startsWith('– Vi var'));
    assert.ok(quote);
    assert.match(String((quote.children[0] as { value: string }).value), /^–\u00a0Vi/);
  });

  it('shows the caption and the credit apart, without inventing a photo', () => {
    const [dateLine] = paragraphs;
    const figure = one(page, 'figure.lead-photo');
    assert.equal(all(figure, 'img, picture').length, 0);
    assert.equal(text(one(figure, '.photo-unavailable-note')), 'Bildet er ikke tilgjengelig');
    const caption = text(one(figure, 'figcaption .caption'));
    const credit = text(one(figure, 'figcaption .credit'));
    assert.equal(credit, 'Foto: Alexander Kazakov / Sputnik / AP / NTB');
    assert.equal(`date 2025-09-02 ${caption} Alexander Kazakov / Sputnik / AP / NTB`, dateLine);
  });

  it('tells the missing photo after the lede, so that the story opens the page', () => {
    const opening = one(page, '.article-body > .opening').children.filter((node) => node.type === 'element');
    assert.deepEqual(
      opening.map((element) => [element.tagName, ...[element.properties.className ?? []].flat()].join('.')),
      ['p.lede', 'figure.photo.lead-photo.photo-unavailable', 'p'],
    );
    assert.equal(all(page, 'article > figure').length, 0);
  });

  it('dates the article in Norwegian with a machine-readable time', () => {
    const time = one(page, '.dateline time');
    // A date alone, with no invented midnight.
    assert.equal(time.properties.dateTime, '2025-09-02');
    assert.equal(text(one(page, '.dateline')), 'Publisert tirsdag 2. september 2025');
  });

  it('credits the source and tells the reading time', () => {
    assert.equal(text(one(page, '.byline')), 'NTB');
    assert.equal(text(one(page, '.reading-time')), '2 min lesetid');
  });

  it('has the landmarks a screen reader navigates by', () => {
    for (const selector of [
      'body > header',
      'main#innhold',
      'main article',
      'body > footer',
      'a.skip-link[href="#innhold"]',
    ]) {
      assert.equal(all(page, selector).length, 1, selector);
    }
    assert.equal(all(page, 'h1').length, 1);
  });

  it('needs no JavaScript to read: the only script enhances the hidden share tools', () => {
    assert.deepEqual(
      all(page, 'script:not([type="application/ld+json"])').map((script) => script.properties.type),
      ['module'],
    );
    assert.equal(one(page, '.share-tools').properties.dataReady, undefined, 'the share tools wait for the script');
  });

  it('has an absolute canonical URL at the permalink', () => {
    assert.equal(one(page, 'link[rel=canonical]').properties.href, `https://nyheter.example.no/${SEED_PERMALINK}`);
  });
});

describe('the seed article page, as it ages', () => {
  it('says above the headline that it is old, as many years as it is, and nothing of it on the card', () => {
    const notice = ageNotice(new Date('2025-09-02T00:00:00+02:00'), new Date());
    assert.ok(notice, 'the seed is more than a year old');
    const header = one(page, 'article .article-header');
    assert.equal(text(one(header, 'p.age-notice')), notice);
    assert.equal((header.children.find((child) => child.type === 'element') as { tagName?: string }).tagName, 'p');
  });
});
