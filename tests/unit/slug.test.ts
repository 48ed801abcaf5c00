import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSlugAllocator, SLUG_PATTERN, slugify, transliterate } from '../../src/markdown/slug.ts';

describe('transliterate', () => {
  it('spells the Norwegian letters in ASCII', () => {
    assert.equal(transliterate('Blåbær på Østlandet'), 'Blabaer pa Ostlandet');
    assert.equal(transliterate('ÆØÅ æøå'), 'AeOA aeoa');
  });
  it('drops accents and spells letters that do not decompose', () => {
    assert.equal(transliterate('Café Erdoğan Straße Łódź'), 'Cafe Erdogan Strasse Lodz');
  });
});

describe('slugify', () => {
  it('leaves no hyphen from a quote dash', () => {
    assert.equal(slugify('– Alltid sammen'), 'alltid-sammen');
    assert.equal(slugify('Stikk mot Vesten'), 'stikk-mot-vesten');
  });
  it('turns punctuation and runs of spaces into single hyphens', () => {
    assert.equal(slugify('Putin kalte Xi for en «nær venn»!'), 'putin-kalte-xi-for-en-naer-venn');
    assert.equal(slugify('  Hei  –  og   hå  '), 'hei-og-ha');
  });
  it('cuts a long slug at a word boundary', () => {
    const slug = slugify('Putin kalte Xi for en «nær venn», og sa at Russlands bånd til Kina er sterkere', 40);
    assert.equal(slug, 'putin-kalte-xi-for-en-naer-venn-og-sa-at');
    assert.ok(slug.length <= 40);
  });
  it('cuts a single long word when there is no boundary', () => {
    assert.equal(slugify('a'.repeat(80), 60), 'a'.repeat(60));
  });
  it('makes slugs that match the slug pattern', () => {
    for (const text of ['Økonomi', '1930-tallet', 'SCO-møtet', '«»']) {
      const slug = slugify(text);
      assert.ok(slug === '' || SLUG_PATTERN.test(slug), slug);
    }
  });
});

describe('createSlugAllocator', () => {
  it('numbers repeats and names text without letters', () => {
    const allocate = createSlugAllocator('seksjon');
    assert.deepEqual(['Bakgrunn', 'Bakgrunn', '«»', '«»', 'Bakgrunn'].map(allocate), [
      'bakgrunn',
      'bakgrunn-1',
      'seksjon',
      'seksjon-1',
      'bakgrunn-2',
    ]);
  });
});
