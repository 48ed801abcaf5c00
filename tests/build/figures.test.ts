import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import { BUILDS, readPage } from '../helpers/builds.ts';
import { all, one, text } from '../helpers/hast.ts';

let page: Root;

before(async () => {
  page = await readPage(BUILDS.fixture, '2025/01/15/syntetisk-testartikkel/index.html');
});

describe('photos in the synthetic fixture article', () => {
  it('renders the lead photo optimised, sized and eager, with caption and credit', () => {
    const figure = one(page, 'figure.lead-photo');
    const image = one(figure, 'picture img');
    assert.equal(image.properties.alt, 'En grå flate, laget for testene');
    assert.equal(image.properties.width, 1600);
    assert.equal(image.properties.height, 1200);
    assert.equal(image.properties.loading, 'eager');
    assert.equal(image.properties.fetchPriority, 'high');
    assert.deepEqual(
      all(figure, 'source').map((source) => source.properties.type),
      ['image/avif', 'image/webp'],
    );
    assert.equal(text(one(figure, '.caption')), 'Syntetisk bildetekst til hovedbildet.');
    assert.equal(text(one(figure, '.credit')), 'Foto: Test Fotograf / NTB');
  });

  it('turns a body photo into a figure with an optimised, lazy image', () => {
    const figure = one(page, '.article-body figure.photo');
    const image = one(figure, 'img');
    assert.match(String(image.properties.src), /^\/arkiv\/_astro\/testbilde\.[\w-]+\.webp$/);
    assert.equal(image.properties.loading, 'lazy');
    assert.equal(image.properties.alt, 'En grå flate i brødteksten');
    assert.equal(text(one(figure, '.caption')), 'Syntetisk bildetekst i brødteksten.');
    assert.equal(text(one(figure, '.credit')), 'Foto: Test Fotograf / NTB');
  });
});

describe('the rest of the synthetic fixture article', () => {
  it('shows a standfirst from the frontmatter and marks no body paragraph as lede', () => {
    assert.equal(text(one(page, '.standfirst')), 'Dette er en syntetisk ingress, skrevet for testene.');
    assert.deepEqual(all(page, '.lede'), []);
  });

  it('shows the byline, and publication and update times', () => {
    assert.equal(text(one(page, '.byline')), 'Av Test Testesen, NTB');
    assert.equal(
      text(one(page, '.dateline')),
      'Publisert onsdag 15. januar 2025 kl. 09.30 Oppdatert onsdag 15. januar 2025 kl. 11.05',
    );
    assert.deepEqual(
      all(page, '.dateline time').map((time) => time.properties.dateTime),
      ['2025-01-15T09:30:00+01:00', '2025-01-15T11:05:00+01:00'],
    );
  });

  it('keeps headings that transliterate alike apart with unique ASCII ids', () => {
    assert.deepEqual(
      all(page, '.article-body h2').map((heading) => heading.properties.id),
      ['forste-seksjon', 'okonomi', 'okonomi-1'],
    );
  });
});
