import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import remarkNorwegianTypography from '../../src/markdown/remark-norwegian-typography.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

const render = async (markdown: string) =>
  (await renderMarkdown(markdown, { remark: [remarkNorwegianTypography] })).html;

describe('remark-norwegian-typography', () => {
  it('binds a quote dash to the word after it in paragraphs and headings', async () => {
    assert.equal(await render('– Vi var alltid sammen, sa Putin.'), '<p>–\u00a0Vi var alltid sammen, sa Putin.</p>');
    assert.equal(await render('## – Alltid sammen'), '<h2>–\u00a0Alltid sammen</h2>');
  });
  it('binds a spaced dash to the word before it', async () => {
    assert.equal(await render('Kina – og Russland'), '<p>Kina\u00a0– og Russland</p>');
  });
  it('keeps «» and turns straight double quotes into them', async () => {
    assert.equal(await render('en «nær venn» og en "god nabo"'), '<p>en «nær venn» og en «god nabo»</p>');
  });
  it('leaves a dash that does not open the block alone', async () => {
    assert.equal(await render('*Uthevet* – slik'), '<p><em>Uthevet</em>\u00a0– slik</p>');
  });
  it('does not touch code', async () => {
    assert.equal(await render('`"kode" – her`'), '<p><code>"kode" – her</code></p>');
  });
  it('keeps every word', async () => {
    const text = '– Vi var alltid sammen da og vi er fortsatt sammen nå, sa Putin tirsdag.';
    const html = await render(text);
    assert.equal(html.replace(/<\/?p>/g, '').replaceAll('\u00a0', ' '), text);
  });
});
