import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCredit, splitCaptionAndCredit } from '../../src/markdown/photo-credit.ts';

describe('formatCredit', () => {
  it('prints a wire credit in NTB form', () => {
    assert.equal(
      formatCredit('Alexander Kazakov / Sputnik / AP / NTB'),
      'Foto: Alexander Kazakov / Sputnik / AP / NTB',
    );
  });
  it('does not double a credit that names its kind', () => {
    assert.equal(formatCredit('Foto: Ola Nordmann / NTB'), 'Foto: Ola Nordmann / NTB');
    assert.equal(formatCredit('Illustrasjon: Kari / NTB'), 'Illustrasjon: Kari / NTB');
  });
});

describe('splitCaptionAndCredit', () => {
  it('splits at the last " | "', () => {
    assert.deepEqual(splitCaptionAndCredit('Putin | Xi i Beijing. | Name / AP / NTB'), {
      caption: 'Putin | Xi i Beijing.',
      credit: 'Name / AP / NTB',
    });
  });
  it('keeps a title without a separator as the caption', () => {
    assert.deepEqual(splitCaptionAndCredit('Bare en bildetekst.'), { caption: 'Bare en bildetekst.' });
  });
});
