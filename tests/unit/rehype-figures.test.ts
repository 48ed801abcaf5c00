import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeFigures from '../../src/markdown/rehype-figures.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

const render = async (markdown: string) => (await renderMarkdown(markdown, { rehype: [rehypeFigures] })).html;

describe('rehype-figures', () => {
  it('turns an image paragraph into a figure with caption and credit apart', async () => {
    assert.equal(
      await render('![Putin og Xi](./foto.jpg "Putin og Xi i Beijing. | Name / Sputnik / AP / NTB")'),
      '<figure class="photo"><img src="./foto.jpg" alt="Putin og Xi" sizes="(min-width: 40.5rem) 38rem, calc(100vw - 2.5rem)">' +
        '<figcaption class="photo-caption"><span class="caption">Putin og Xi i Beijing.</span> ' +
        '<span class="credit">Foto: Name / Sputnik / AP / NTB</span></figcaption></figure>',
    );
  });
  it('makes a caption without a credit', async () => {
    assert.equal(
      await render('![Alt](./a.jpg "Bare bildetekst.")'),
      '<figure class="photo"><img src="./a.jpg" alt="Alt" sizes="(min-width: 40.5rem) 38rem, calc(100vw - 2.5rem)"><figcaption class="photo-caption"><span class="caption">Bare bildetekst.</span></figcaption></figure>',
    );
  });
  it('makes a figure without a caption when the image has no title', async () => {
    assert.equal(
      await render('![Alt](./a.jpg)'),
      '<figure class="photo"><img src="./a.jpg" alt="Alt" sizes="(min-width: 40.5rem) 38rem, calc(100vw - 2.5rem)"></figure>',
    );
  });
  it('leaves an image inside running text alone', async () => {
    assert.equal(await render('Se ![ikon](./i.png) her.'), '<p>Se <img src="./i.png" alt="ikon"> her.</p>');
  });
});
