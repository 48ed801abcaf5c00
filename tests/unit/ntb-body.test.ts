import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wireToArticle } from '../../scripts/ntb/article.ts';
import { parseNinjs } from '../../scripts/ntb/ninjs.ts';
import { parseNitf } from '../../scripts/ntb/nitf.ts';
import { WireFormatError } from '../../scripts/ntb/wire.ts';

/** The bodies of NITF and ninjs stories: every word kept, none glued, and hostile nesting refused in time. All inputs are synthetic. */

const ninjs = (bodyHtml: string) =>
  JSON.stringify({
    uri: 'urn:syntetisk:1',
    headline: 'Syntetisk tittel',
    versioncreated: '2025-03-20T09:30:00+01:00',
    body_html: bodyHtml,
  });

const nitf = (content: string, hl1 = 'Syntetisk tittel') =>
  `<nitf><head><docdata><doc-id id-string="NTB-syntetisk"/><date.issue norm="20250320T093000+0100"/></docdata></head><body><body.head><hedline><hl1>${hl1}</hl1></hedline></body.head><body.content>${content}</body.content></body></nitf>`;

const texts = (story: ReturnType<typeof parseNinjs>) => story.blocks.map(({ text }) => text);
/** The article's body as markdown. */
const body = (story: ReturnType<typeof parseNinjs>) => wireToArticle(story).markdown.split('---\n\n')[1];

function assertRefused(parse: () => unknown, message: RegExp) {
  assert.throws(parse, (error: unknown) => {
    assert.ok(error instanceof WireFormatError, `expected a WireFormatError, got ${String(error)}`);
    assert.match(error.message, message);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
}

describe('NTB bodies, nesting', () => {
  it('reads nested emphasis in time linear in its depth', () => {
    const html = `<p>${'<em><strong>'.repeat(20)}x${'</strong></em>'.repeat(20)}</p>`;
    const start = performance.now();
    const story = parseNinjs(ninjs(html));
    assert.ok(performance.now() - start < 2000, 'twenty levels took seconds');
    assert.equal(story.blocks[0]?.text, 'x');
  });

  it('refuses ninjs HTML nested deeper than an article may, in one line', () => {
    assertRefused(
      () => parseNinjs(ninjs(`<p>${'<em>'.repeat(2000)}x${'</em>'.repeat(2000)}</p>`)),
      /nested 2001 levels deep, more than the 100/,
    );
    assertRefused(
      () => parseNinjs(ninjs(`${'<ul><li>'.repeat(1500)}x${'</li></ul>'.repeat(1500)}`)),
      /more than the 100/,
    );
  });

  it('refuses NITF nested deeper than an article may, saying so and not that it is broken XML', () => {
    for (const depth of [150, 20000]) {
      assertRefused(
        () => parseNitf(nitf(`<p>${'<em>'.repeat(depth)}x${'</em>'.repeat(depth)}</p>`)),
        /^has XML nested .*deep, more than the 100/,
      );
    }
  });
});

describe('NTB bodies, text that is kept', () => {
  it('keeps NITF CDATA as text', () => {
    const story = parseNitf(nitf('<p>To.</p><p lede="true"><![CDATA[Syntetisk ingress.]]></p>'));
    assert.deepEqual(texts(story), ['Syntetisk ingress.', 'To.']);
  });

  it('keeps the text of every ninjs element, h1 as a subheading, and names the image and embed it cannot keep', () => {
    const story = parseNinjs(
      ninjs(
        '<h1>Syntetisk H1</h1><div>Syntetisk div</div><table><tr><td>Celle</td></tr></table><pre>kode</pre>Løs tekst<p>Avsnitt <img src="https://example.com/a.jpg" alt="bilde"></p><iframe src="https://www.youtube-nocookie.com/embed/x">reserve</iframe>',
      ),
    );
    assert.deepEqual(
      story.blocks.map(({ type, text }) => `${type}: ${text}`),
      [
        'subheading: Syntetisk H1',
        'paragraph: Syntetisk div',
        'paragraph: Celle',
        'paragraph: kode',
        'paragraph: Løs tekst',
        'paragraph: Avsnitt',
      ],
    );
    assert.deepEqual(story.warnings, [
      'left out of the body, which carries text only: an image https://example.com/a.jpg; an embed https://www.youtube-nocookie.com/embed/x',
    ]);
  });

  it('keeps the text of NITF lists, block quotes and tables, and names a second photo', () => {
    const story = parseNitf(
      nitf(
        '<p>Syntetisk avsnitt.</p><ul><li>Punkt</li></ul><blockquote>Sitat</blockquote><table><tr><td>Celle</td></tr></table><media media-type="image"><media-reference source="a.jpg"/></media><media media-type="video"><media-reference source="b.mp4"/><media-caption>Syntetisk video</media-caption></media>',
      ),
    );
    assert.deepEqual(texts(story), ['Syntetisk avsnitt.', 'Punkt', 'Sitat', 'Celle']);
    assert.deepEqual(story.warnings, ['left out of the body, which carries text only: a video b.mp4']);
  });
});

describe('NTB bodies, words kept apart', () => {
  it('makes a line break a space in an NITF headline and paragraph', () => {
    const story = parseNitf(nitf('<p>ingress<br/>ny linje.</p>', 'Linje en<br/>Linje to'));
    assert.equal(story.headline, 'Linje en Linje to');
    assert.equal(story.blocks[0]?.text, 'ingress ny linje.');
  });

  it('moves white space out of emphasis and strong text rather than dropping it', () => {
    assert.equal(
      body(parseNinjs(ninjs('<p><strong>OSLO: </strong>Syntetisk ingress</p>'))),
      '**OSLO:** Syntetisk ingress\n',
    );
    assert.equal(body(parseNinjs(ninjs('<p>før<em> mellomrom </em>ord</p>'))), 'før *mellomrom* ord\n');
  });

  it('makes a nested list item a paragraph of its own', () => {
    const story = parseNinjs(ninjs('<ul><li>En<ul><li>Nøstet</li></ul></li></ul>'));
    assert.deepEqual(texts(story), ['En', 'Nøstet']);
  });

  it('drops line breaks at the ends of a block, and an empty link', () => {
    assert.equal(body(parseNinjs(ninjs('<p><br>Syntetisk ingress.<br></p>'))), 'Syntetisk ingress.\n');
    assert.equal(body(parseNinjs(ninjs('<p>En<br>to <a href="https://example.com/"></a>tre.</p>'))), 'En\\\nto tre.\n');
  });
});
