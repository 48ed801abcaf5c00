import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedHtml } from '../../src/site/feed.ts';
import { renderArticleBody } from '../helpers/markdown.ts';

const ARTICLE = new URL('https://nyheter.example.no/nyheter/2025/09/02/syntetisk/');

describe('feedHtml', () => {
  it('takes out the section anchors and every data attribute', async () => {
    const { html } = await renderArticleBody('Ingress.\n\n## – Alltid sammen\n\nTekst.[^1]\n\n[^1]: Fotnote.\n');
    const feed = feedHtml(html, ARTICLE);
    assert.doesNotMatch(feed, /Lenke til seksjonen|heading-anchor/);
    assert.doesNotMatch(feed, /\sdata-[a-z-]+/);
    assert.match(feed, /<h2 id="alltid-sammen">–\u00a0Alltid sammen<\/h2>/);
  });
  it('makes every address absolute, the widths of a srcset kept', () => {
    const feed = feedHtml(
      '<p><a href="/nyheter/emne/kina/">Kina</a> <a href="#fn-1">1</a></p><img src="/nyheter/_astro/a.webp" srcset="/nyheter/_astro/a-390.webp 390w, /nyheter/_astro/a-780.webp 780w" alt="x">',
      ARTICLE,
    );
    assert.match(feed, /href="https:\/\/nyheter\.example\.no\/nyheter\/emne\/kina\/"/);
    assert.match(feed, /href="https:\/\/nyheter\.example\.no\/nyheter\/2025\/09\/02\/syntetisk\/#fn-1"/);
    assert.match(feed, /src="https:\/\/nyheter\.example\.no\/nyheter\/_astro\/a\.webp"/);
    assert.match(
      feed,
      /srcset="https:\/\/nyheter\.example\.no\/nyheter\/_astro\/a-390\.webp 390w, https:\/\/nyheter\.example\.no\/nyheter\/_astro\/a-780\.webp 780w"/,
    );
  });
  it('leads with the lead photo’s caption and credit, in NTB’s form', () => {
    const feed = feedHtml('<p>Tekst.</p>', ARTICLE, { caption: 'Syntetisk bildetekst.', credit: 'Fotograf / NTB' });
    assert.match(
      feed,
      /^<figure><figcaption class="photo-caption"><span class="caption">Syntetisk bildetekst\.<\/span> <span class="credit">Foto: Fotograf \/ NTB<\/span><\/figcaption><\/figure><p>Tekst\.<\/p>$/,
    );
  });
});

describe('feedHtml, corrections', () => {
  it('leads with each correction under «Rettelse», with its date', () => {
    const feed = feedHtml('<p>Tekst.</p>', ARTICLE, undefined, [
      { date: new Date('2025-09-03T08:00:00Z'), text: 'Syntetisk rettelse.' },
    ]);
    assert.equal(
      feed,
      '<p><strong>Rettelse</strong> <time datetime="2025-09-03T10:00:00+02:00">onsdag 3. september 2025 kl. 10.00</time>: Syntetisk rettelse.</p><p>Tekst.</p>',
    );
  });
});
