import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderArticleBody } from '../helpers/markdown.ts';

describe('rehype-internal-links', () => {
  it('puts a link to another article under the base, and records it as written', async () => {
    const { html, report } = await renderArticleBody('Se [saken](/2025/09/02/a/#bakgrunn).', { base: '/nyheter/' });
    assert.match(html, /<a href="\/nyheter\/2025\/09\/02\/a\/#bakgrunn">saken<\/a>/);
    assert.deepEqual(report.links, [{ url: '/2025/09/02/a/#bakgrunn', line: 1 }]);
  });
  it('leaves links to other sites, and protocol-relative ones, alone and unrecorded', async () => {
    const { html, report } = await renderArticleBody('[a](https://ntb.no/) og [b](//ntb.no/x).', { base: '/nyheter/' });
    assert.match(html, /href="https:\/\/ntb\.no\/"/);
    assert.match(html, /href="\/\/ntb\.no\/x"/);
    assert.deepEqual(report.links, []);
  });
  it('points footnotes and HTML anchors at the ids the HTML policy prefixed', async () => {
    const { html, report } = await renderArticleBody(
      'Tekst.[^1] Til [ankeret](#p%C3%A5-tvers).\n\n<a id="på-tvers">her</a>\n\n[^1]: Fotnote.\n',
    );
    assert.match(html, /<a href="#user-content-fn-1" id="user-content-fnref-1"/);
    assert.match(html, /<li id="user-content-fn-1">/);
    assert.match(html, /href="#user-content-fnref-1"/, 'the footnote leads back');
    assert.match(html, /<a href="#user-content-p%C3%A5-tvers">ankeret<\/a>/);
    assert.deepEqual(
      report.links.map(({ url }) => url),
      ['#user-content-fn-1', '#user-content-p%C3%A5-tvers'],
    );
    assert.ok(report.ids.includes('user-content-på-tvers'));
  });
  it('labels footnotes in Norwegian', async () => {
    const { html } = await renderArticleBody('Tekst.[^1]\n\n[^1]: Fotnote.\n');
    assert.match(html, /<h2 class="sr-only" id="user-content-footnote-label">Fotnoter<\/h2>/);
    assert.match(html, /aria-label="Tilbake til henvisning 1"/);
  });
  it('reports a link it cannot decode, and does not record it', async () => {
    const { report } = await renderArticleBody('<a href="/2025/09/02/a/%E0%A4%A">x</a>');
    assert.deepEqual(report.problems, [
      {
        line: 1,
        severity: 'error',
        message: 'links to /2025/09/02/a/%E0%A4%A, which is not a valid address: write a percent sign as %25',
      },
    ]);
    assert.deepEqual(report.links, []);
  });
});

describe('rehype-internal-links, footnote labels', () => {
  it('leads a footnote with a non-ASCII or % label to its note, and back', async () => {
    const { html, report } = await renderArticleBody(
      'Tekst.[^ø] Mer.[^50%]\n\n[^ø]: Syntetisk.\n\n[^50%]: Syntetisk.\n',
    );
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1] ?? '');
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((match) => match[1]));
    for (const href of hrefs) assert.ok(ids.has(href), `#${href} has its id`);
    assert.ok(hrefs.length >= 4);
    assert.deepEqual(report.problems, []);
  });
});
