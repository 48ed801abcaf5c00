import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import remarkLede from '../../src/markdown/remark-lede.ts';
import { renderMarkdown } from '../helpers/markdown.ts';

const render = (markdown: string, frontmatter: Record<string, unknown> = {}) =>
  renderMarkdown(markdown, { remark: [remarkLede], frontmatter });

describe('remark-lede', () => {
  it('marks the first paragraph and passes its text on', async () => {
    const { html, frontmatter } = await render('Første *avsnitt*.\n\nAndre avsnitt.');
    assert.equal(html, '<p class="lede">Første <em>avsnitt</em>.</p>\n<p>Andre avsnitt.</p>');
    assert.equal(frontmatter.lede, 'Første avsnitt.');
  });
  it('skips a photo that comes before the first paragraph', async () => {
    const { frontmatter } = await render('![Alt](./a.jpg)\n\nFørste avsnitt.');
    assert.equal(frontmatter.lede, 'Første avsnitt.');
  });
  it('leaves an article that opens with a subheading without a derived lede', async () => {
    const { html, frontmatter } = await render('## Bakgrunn\n\nAvsnitt.');
    assert.equal(frontmatter.lede, undefined);
    assert.doesNotMatch(html, /lede/);
  });
  it('keeps a lede from the frontmatter and marks nothing', async () => {
    const { html, frontmatter } = await render('Første avsnitt.', { lede: 'Egen ingress.' });
    assert.equal(frontmatter.lede, 'Egen ingress.');
    assert.equal(html, '<p>Første avsnitt.</p>');
  });
});

describe('remark-lede, HTML in the opening paragraph', () => {
  it('keeps its text and not its tags, which would show in descriptions', async () => {
    const { frontmatter } = await renderMarkdown(
      'Møtet i <abbr title="Norsk Telegrambyrå">NTB</abbr> var <b>kort</b>.',
      {
        remark: [remarkLede],
      },
    );
    assert.equal(frontmatter.lede, 'Møtet i NTB var kort.');
  });
});
