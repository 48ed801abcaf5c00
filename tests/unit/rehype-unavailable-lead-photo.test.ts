import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeUnavailableLeadPhoto from '../../src/markdown/rehype-unavailable-lead-photo.ts';
import remarkLede from '../../src/markdown/remark-lede.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

const render = async (markdown: string, frontmatter: Record<string, unknown>) =>
  (await renderMarkdown(markdown, { remark: [remarkLede], rehype: [rehypeUnavailableLeadPhoto], frontmatter })).html;

const FIGURE =
  '<figure class="photo lead-photo photo-unavailable" data-pagefind-ignore>' +
  '<p class="photo-unavailable-note">Bildet er ikke tilgjengelig</p>' +
  '<figcaption class="photo-caption"><span class="caption">Syntetisk bildetekst.</span> ' +
  '<span class="credit">Foto: Test Fotograf / NTB</span></figcaption></figure>';

describe('rehype-unavailable-lead-photo', () => {
  it('tells a lead photo without its file after the lede, with its caption and credit', async () => {
    const photo = { caption: ' Syntetisk bildetekst. ', credit: 'Test Fotograf / NTB' };
    assert.equal(
      await render('Ingressen.\n\nAndre avsnitt.', { photo }),
      `<p class="lede">Ingressen.</p>${FIGURE}\n<p>Andre avsnitt.</p>`,
    );
  });
  it('leads the body with it when the lede is in the frontmatter', async () => {
    const photo = { caption: 'Syntetisk bildetekst.', credit: 'Test Fotograf / NTB' };
    assert.equal(await render('Første avsnitt.', { lede: 'Egen ingress.', photo }), `${FIGURE}<p>Første avsnitt.</p>`);
  });
  it('leaves a photo with a file to the page, which shows it above the body', async () => {
    const photo = { src: './foto.jpg', alt: 'Alt', caption: 'Syntetisk bildetekst.' };
    assert.equal(await render('Ingressen.', { photo }), '<p class="lede">Ingressen.</p>');
  });
  it('leaves what the schema will refuse to the schema, without failing on it', async () => {
    for (const photo of ['foto.jpg', null, [], { caption: '  ' }, { caption: 42 }, { credit: 'NTB' }]) {
      assert.equal(await render('Ingressen.', { photo }), '<p class="lede">Ingressen.</p>', JSON.stringify(photo));
    }
  });
  it('makes a caption without a credit when there is none', async () => {
    const html = await render('Ingressen.', { photo: { caption: 'Syntetisk bildetekst.', credit: 7 } });
    assert.equal(
      html,
      '<p class="lede">Ingressen.</p><figure class="photo lead-photo photo-unavailable" data-pagefind-ignore>' +
        '<p class="photo-unavailable-note">Bildet er ikke tilgjengelig</p>' +
        '<figcaption class="photo-caption"><span class="caption">Syntetisk bildetekst.</span></figcaption></figure>',
    );
  });
});
