import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'hastscript';
import rehypeHeadingIds from '../../src/markdown/rehype-heading-ids.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

const render = async (markdown: string) => (await renderMarkdown(markdown, { rehype: [rehypeHeadingIds] })).html;

describe('rehype-heading-ids', () => {
  it('gives ASCII ids without the quote dash', async () => {
    assert.equal(await render('## – Alltid sammen'), '<h2 id="alltid-sammen">– Alltid sammen</h2>');
    assert.equal(await render('## Stikk mot Vesten'), '<h2 id="stikk-mot-vesten">Stikk mot Vesten</h2>');
    assert.equal(await render('### Blåbær og økonomi'), '<h3 id="blabaer-og-okonomi">Blåbær og økonomi</h3>');
  });
  it('keeps ids unique within the page, after transliteration', async () => {
    const html = await render('## Møte\n\n## Mote\n\n## Møte');
    assert.deepEqual(
      [...html.matchAll(/id="([^"]+)"/g)].map((match) => match[1]),
      ['mote', 'mote-1', 'mote-2'],
    );
  });
  it('names a heading without letters', async () => {
    assert.equal(await render('## «»'), '<h2 id="seksjon">«»</h2>');
  });
});

describe('rehype-heading-ids, reporting', () => {
  it('warns of a heading whose id depends on another heading that reads alike, naming its line', async () => {
    const { report } = await renderMarkdown('## Økonomi\n\nTekst.\n\n## Okonomi', { rehype: [rehypeHeadingIds] });
    assert.deepEqual(report?.problems, [
      {
        line: 5,
        severity: 'warning',
        message:
          'the heading «Okonomi» gets the id #okonomi-1, since «Økonomi» already has #okonomi: a link to it breaks if the other is changed, so give it other words',
      },
    ]);
  });
  it('keeps an id the heading already has', async () => {
    const { html } = await renderMarkdown('Tekst.', {
      rehype: [
        () => (tree: import('hast').Root) => void tree.children.push(h('h2', { id: 'fotnoter' }, 'Noter')),
        rehypeHeadingIds,
      ],
    });
    assert.equal(html, '<p>Tekst.</p><h2 id="fotnoter">Noter</h2>');
  });
});
