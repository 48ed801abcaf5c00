import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeHeadingIds from '../../src/markdown/rehype-heading-ids.ts';
import rehypeSections from '../../src/markdown/rehype-sections.ts';
import { fromHtml } from 'hast-util-from-html';
import { renderArticleBody, renderMarkdown } from '../helpers/markdown.ts';

const render = async (markdown: string) =>
  (await renderMarkdown(markdown, { rehype: [rehypeHeadingIds, rehypeSections] })).html.replaceAll('\n', '');

describe('rehype-sections', () => {
  it('wraps the opening and labels each section by its heading', async () => {
    assert.equal(
      await render('Ingress.\n\nMer.\n\n## – Alltid sammen\n\nA.\n\n### Under\n\nB.\n\n## Stikk mot Vesten\n\nC.'),
      '<div class="opening"><p>Ingress.</p><p>Mer.</p></div>' +
        '<section aria-labelledby="alltid-sammen"><h2 id="alltid-sammen">– Alltid sammen</h2><p>A.</p><h3 id="under">Under</h3><p>B.</p></section>' +
        '<section aria-labelledby="stikk-mot-vesten"><h2 id="stikk-mot-vesten">Stikk mot Vesten</h2><p>C.</p></section>',
    );
  });
  it('has no opening when the article starts with a subheading', async () => {
    assert.equal(
      await render('## Først\n\nA.'),
      '<section aria-labelledby="forst"><h2 id="forst">Først</h2><p>A.</p></section>',
    );
  });
  it('keeps an article without subheadings as its opening', async () => {
    assert.equal(await render('A.\n\nB.'), '<div class="opening"><p>A.</p><p>B.</p></div>');
  });
});

describe('rehype-sections, footnotes', () => {
  it('keeps the footnotes after the sections, not inside the last one', async () => {
    const { html } = await renderArticleBody('Tekst.[^1]\n\n## Siste\n\nMer.\n\n[^1]: Syntetisk fotnote.\n');
    const tree = fromHtml(html, { fragment: true });
    const topLevel = tree.children
      .filter((node) => node.type === 'element')
      .map((node) => (node as { tagName: string }).tagName);
    assert.deepEqual(topLevel, ['div', 'section', 'section']);
    assert.match(html, /<section data-footnotes="" class="footnotes">/);
  });
});
