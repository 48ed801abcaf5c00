import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textFragmentUrl } from '../../src/site/text-fragment.ts';

const page = 'https://nyheter.example.no/2025/09/02/a/';

describe('textFragmentUrl', () => {
  it('links a short passage whole, encoding the characters a directive reserves', () => {
    assert.equal(
      textFragmentUrl(page, 'Nord-Koreas leder, «nær venn» & mer'),
      `${page}#:~:text=Nord%2DKoreas%20leder%2C%20%C2%ABn%C3%A6r%20venn%C2%BB%20%26%20mer`,
    );
  });
  it('links a long passage by its first and last words', () => {
    const passage =
      'Sovjetunionen var nøytrale i store deler av krigen i Asia, men ga hjelp til Kina i tidligere kamper mot japanske styrker.';
    assert.equal(
      textFragmentUrl(page, passage),
      `${page}#:~:text=${encodeURIComponent('Sovjetunionen var nøytrale i store')},${encodeURIComponent('tidligere kamper mot japanske styrker.')}`,
    );
  });
  it('folds white space and replaces an existing fragment', () => {
    assert.equal(textFragmentUrl(`${page}#alltid-sammen`, '  to\n  ord '), `${page}#:~:text=to%20ord`);
  });
  it('gives the plain page URL for an empty passage', () => {
    assert.equal(textFragmentUrl(page, '   '), page);
  });
});
