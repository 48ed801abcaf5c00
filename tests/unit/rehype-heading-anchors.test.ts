import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeHeadingAnchors from '../../src/markdown/rehype-heading-anchors.ts';
import rehypeHeadingIds from '../../src/markdown/rehype-heading-ids.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

const render = async (markdown: string) =>
  (await renderMarkdown(markdown, { rehype: [rehypeHeadingIds, rehypeHeadingAnchors] })).html;

describe('rehype-heading-anchors', () => {
  it('puts a labelled link to the section beside its heading', async () => {
    assert.equal(
      await render('## – Alltid sammen'),
      '<div class="section-heading"><h2 id="alltid-sammen">– Alltid sammen</h2>' +
        '<a class="heading-anchor" href="#alltid-sammen" data-pagefind-ignore><span aria-hidden="true">#</span>' +
        '<span class="visually-hidden">Lenke til seksjonen «– Alltid sammen»</span></a></div>',
    );
  });
  it('leaves other heading levels and text alone', async () => {
    assert.equal(await render('### Under\n\nTekst.'), '<h3 id="under">Under</h3>\n<p>Tekst.</p>');
  });
});
