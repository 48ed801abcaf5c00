import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseNinjs } from '../../scripts/ntb/ninjs.ts';
import { decodeWireText, WireFormatError } from '../../scripts/ntb/wire.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/ntb');
const fixture = async (name: string) => parseNinjs(decodeWireText(await readFile(join(FIXTURES, name))));

/** A synthetic ninjs 1.x story, with fields replaced where a test needs them. */
const ninjs = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    uri: 'urn:syntetisk:1',
    headline: 'Syntetisk tittel',
    versioncreated: '2025-03-20T09:30:00+01:00',
    body_html: '<p>Syntetisk avsnitt.</p>',
    ...fields,
  });

function assertRefused(source: string, message: RegExp) {
  assert.throws(
    () => parseNinjs(source),
    (error: unknown) => {
      assert.ok(error instanceof WireFormatError, `expected a WireFormatError, got ${String(error)}`);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('parseNinjs, the mapping', () => {
  it('reads a 2.x story: headlines, by, firstcreated and versioncreated, bodies, subject, featureimage', async () => {
    const story = await fixture('story.ninjs.json');
    assert.equal(story.headline, 'Syntetisk budsjett vedtatt i Testvik (ninjs)');
    assert.equal(story.byline, 'Kari Syntetisk');
    assert.equal(story.date, '2025-03-20T09:30');
    assert.equal(story.updated, '2025-03-20T10:05');
    assert.deepEqual(
      story.blocks.map(({ type }) => type),
      ['paragraph', 'paragraph', 'subheading', 'paragraph', 'paragraph'],
    );
    assert.deepEqual(story.tags, ['Testvik', 'Kommuneøkonomi']);
    assert.deepEqual(story.story, { id: 'urn:syntetisk:ninjs:testvik-budsjett', version: 3 });
    assert.deepEqual(story.photo, {
      caption: 'Syntetisk bildetekst: en oppdiktet ordfører foran et oppdiktet rådhus.',
      credit: 'Test Fotograf / NTB',
    });
    assert.equal(story.warnings, undefined);
  });

  it('reads a 1.x story: headline, byline, located, body_html with its markup, description_text as a standfirst', async () => {
    const story = await fixture('story-1x.ninjs.json');
    assert.equal(story.headline, 'Syntetisk sak i ninjs 1.x');
    assert.equal(story.byline, 'Ola Syntetisk');
    assert.equal(story.dateline, 'Bergen');
    assert.equal(story.date, '2025-03-21T15:00', 'versioncreated, in Oslo time');
    assert.equal(story.lede, 'En syntetisk oppsummering som ikke står i brødteksten.');
    assert.ok(!story.blocks.some(({ text }) => text.includes('oppsummering')), 'the summary is not in the body');
    assert.deepEqual(
      story.blocks[0]?.children?.map((node) => node.type),
      ['text', 'emphasis', 'text', 'strong', 'text', 'link', 'text'],
    );
    assert.deepEqual(story.story, { id: 'urn:syntetisk:ninjs:en-x-sak', version: 1 });
    assert.deepEqual(story.photo, { caption: 'Syntetisk bildetekst i 1.x.', credit: 'Test Fotograf / NTB' });
  });

  it('names what the HTML policy removed from body_html', async () => {
    const story = await fixture('story-1x.ninjs.json');
    assert.deepEqual(story.warnings, [
      `the site's HTML policy removed from the body: onclick="alert(1)" on <p> is not allowed; <script> is not allowed in an article`,
    ]);
    assert.ok(!story.blocks.some(({ text }) => text.includes('alert')));
  });

  it('does not repeat a description_text that is the opening paragraph', () => {
    assert.equal(parseNinjs(ninjs({ description_text: 'Syntetisk avsnitt.' })).lede, undefined);
  });

  it('falls back to body_text, guid and a featureimage byline', () => {
    const story = parseNinjs(
      ninjs({
        uri: undefined,
        guid: 'syntetisk-guid',
        body_html: undefined,
        body_text: 'Første syntetiske\navsnitt.\n\nAndre.',
        associations: { featureimage: { description_text: 'Bilde.', byline: 'Syntetisk / NTB' } },
      }),
    );
    assert.deepEqual(
      story.blocks.map(({ text }) => text),
      ['Første syntetiske avsnitt.', 'Andre.'],
    );
    assert.deepEqual(story.story, { id: 'syntetisk-guid' });
    assert.deepEqual(story.photo, { caption: 'Bilde.', credit: 'Syntetisk / NTB' });
  });
});

describe('parseNinjs, bad input', () => {
  it('refuses JSON that is not well-formed, and JSON that is not ninjs', () => {
    assertRefused('{"uri": ', /^is not valid JSON: /);
    assertRefused('{"title": "Syntetisk"}', /^is JSON, but not a ninjs story: it has no uri or guid$/);
  });
  it('refuses a story with no headline, no body or no date', () => {
    assertRefused(ninjs({ headline: undefined }), /^has no headline/);
    assertRefused(ninjs({ body_html: '<script>syntetisk()</script>' }), /^has no body/);
    assertRefused(ninjs({ versioncreated: undefined }), /^has no date/);
  });
  it('refuses a date that is not on the calendar', () => {
    assertRefused(
      ninjs({ versioncreated: '2025-02-30T09:30:00Z' }),
      /^has the versioncreated "2025-02-30T09:30:00Z", which is not a real date and time/,
    );
  });
});
