import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
