import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseNitf } from '../../scripts/ntb/nitf.ts';
import { decodeWireText, WireFormatError } from '../../scripts/ntb/wire.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/ntb');
const fixture = async (name: string) => parseNitf(decodeWireText(await readFile(join(FIXTURES, name))));

/** A synthetic NITF story, with parts replaced where a test needs them. */
function nitf({
  docdata = '<doc-id id-string="NTB-syntetisk"/><date.issue norm="20250320T093000+0100"/>',
  head = '<hedline><hl1>Syntetisk tittel</hl1></hedline>',
  content = '<p>Syntetisk avsnitt.</p>',
  meta = '',
} = {}): string {
  return `<nitf><head>${meta}<docdata>${docdata}</docdata></head><body><body.head>${head}</body.head><body.content>${content}</body.content></body></nitf>`;
}

function assertRefused(source: string, message: RegExp, line?: number) {
  assert.throws(
    () => parseNitf(source),
    (error: unknown) => {
      assert.ok(error instanceof WireFormatError, `expected a WireFormatError, got ${String(error)}`);
      assert.match(error.message, message);
      if (line !== undefined) assert.equal(error.line, line);
      return true;
    },
  );
}

describe('parseNitf, the mapping', () => {
  it('reads the headline, byline, dateline, time, sections, photo, topics, id and version', async () => {
    const story = await fixture('story-v1.nitf.xml');
    assert.equal(story.headline, 'Syntetisk budsjett vedtatt i Testvik');
    assert.equal(story.byline, 'Kari Syntetisk', 'the site writes "Av" itself');
    assert.equal(story.dateline, 'Testvik');
    assert.equal(story.date, '2025-03-20T09:30', 'date.issue, in Oslo time');
    assert.deepEqual(
      story.blocks.map(({ type, text }) => `${type}: ${text.slice(0, 30)}`),
      [
        'paragraph: Syntetisk ingress: den oppdikt',
        'paragraph: Budsjettet er på syntetiske 1,',
        'subheading: Syntetisk mellomtittel',
        'paragraph: – Dette er et syntetisk sitat,',
        'paragraph: Siste syntetiske avsnitt.',
      ],
    );
    assert.deepEqual(story.photo, {
      caption: 'Syntetisk bildetekst: en oppdiktet ordfører foran et oppdiktet rådhus.',
      credit: 'Test Fotograf / NTB',
      alt: 'En oppdiktet ordfører står foran et grått rådhus.',
      file: 'syntetisk-bilde.png',
    });
    assert.deepEqual(story.tags, ['Testvik', 'Kommuneøkonomi', 'Politikk']);
    assert.deepEqual(story.story, { id: 'NTB-syntetisk-testvik-budsjett', version: 1 });
  });

  it('puts the lede first, marked lede="true" or with the class lead', () => {
    for (const marked of ['<p lede="true">Ingress.</p>', '<p class="body lead">Ingress.</p>']) {
      const story = parseNitf(nitf({ content: `<hl2>Mellomtittel</hl2><p>Avsnitt.</p>${marked}` }));
      assert.deepEqual(
        story.blocks.map(({ text }) => text),
        ['Ingress.', 'Mellomtittel', 'Avsnitt.'],
      );
    }
  });

  it('takes hl2 in the body as a subheading, and paragraphs inside a block', () => {
    const story = parseNitf(nitf({ content: '<block><p>Én.</p><hl2>Syntetisk del</hl2><p>To.</p></block>' }));
    assert.deepEqual(
      story.blocks.map(({ type }) => type),
      ['paragraph', 'subheading', 'paragraph'],
    );
  });

  it('takes the credit from media-producer when the caption has no "Foto:"', () => {
    const media =
      '<media media-type="image"><media-reference source="b.jpg"/><media-caption>Syntetisk bilde.</media-caption><media-producer>Foto: Syntetisk / NTB</media-producer></media>';
    assert.deepEqual(parseNitf(nitf({ content: `<p>Avsnitt.</p>${media}` })).photo, {
      caption: 'Syntetisk bilde.',
      credit: 'Syntetisk / NTB',
      file: 'b.jpg',
    });
  });

  it('falls back to date.release, and to the NTBID meta for the id; versions by date alone have no number', () => {
    const story = parseNitf(
      nitf({
        docdata: '<date.release norm="2025-03-20T23:30:00Z"/><du-key version="utkast"/>',
        meta: '<meta name="NTBID" content="NTB-fra-meta"/>',
      }),
    );
    assert.equal(story.date, '2025-03-21T00:30', 'the calendar date in Oslo');
    assert.deepEqual(story.story, { id: 'NTB-fra-meta' });
  });

  it('joins two bylines and drops the agency after them', () => {
    const head = '<hedline><hl1>T</hl1></hedline><byline>Av Kari Syntetisk</byline><byline>Ola Syntetisk, NTB</byline>';
    assert.equal(parseNitf(nitf({ head })).byline, 'Kari Syntetisk og Ola Syntetisk');
  });
});

describe('parseNitf, bad input', () => {
  it('refuses XML that is not well-formed, at its line', () => {
    assertRefused('<nitf>\n<head>\n</nitf>', /^is not well-formed XML: Missing end tag for element head/, 3);
  });
  it('refuses another root element', () => {
    assertRefused('<rss><channel/></rss>', /^has the root element <rss>, not <nitf>/);
  });
  it('refuses a story with no headline, no body or no date', () => {
    assertRefused(nitf({ head: '<hedline><hl1> </hl1></hedline>' }), /^has no headline/);
    assertRefused(nitf({ content: '<hl2>Bare mellomtittel</hl2>' }), /^has no paragraphs in body.content/);
    assertRefused(nitf({ docdata: '<date.issue/>' }), /^has no date/);
  });
  it('refuses a date that is not on the calendar', () => {
    assertRefused(
      nitf({ docdata: '<date.issue norm="20250230T093000+0100"/>' }),
      /^has the date.issue norm "20250230T093000\+0100", which is not a real date and time/,
    );
  });
  it('refuses a DOCTYPE, with or without entities, expanding and reading nothing', async () => {
    for (const name of ['nitf-billion-laughs.xml', 'nitf-external-entity.xml']) {
      await assert.rejects(fixture(name), (error: Error) => {
        assert.match(error.message, /^has a <!DOCTYPE>: DTDs and entities are refused/);
        assert.doesNotMatch(error.message, /lol|HEMMELIG/);
        return true;
      });
    }
    assertRefused(`<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">${nitf()}`, /^has a <!DOCTYPE>/, 1);
  });
});
