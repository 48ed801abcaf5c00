import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  decodeWireText,
  MAX_WIRE_BYTES,
  parseWire,
  splitWireCaption,
  WireFormatError,
} from '../../scripts/ntb/wire.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/ntb');
const fixture = async (name: string) => decodeWireText(await readFile(join(FIXTURES, name)));
const blocks = (text: string) => parseWire(text).blocks.map(({ type, text }) => `${type}: ${text}`);

function assertRefused(action: () => unknown, message: RegExp, line?: number) {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof WireFormatError, `expected a WireFormatError, got ${String(error)}`);
    assert.match(error.message, message);
    assert.equal(error.line, line);
    return true;
  });
}

describe('parseWire', () => {
  it('reads the date, the photo caption and credit, and the blocks', async () => {
    const wire = parseWire(await fixture('basic.txt'));
    assert.equal(wire.date, '2025-03-14');
    assert.deepEqual(wire.photo, {
      caption: 'Syntetisk bildetekst til testen. Nå står det mer her.',
      credit: 'Test Fotograf / Testbyrå / NTB',
    });
    assert.deepEqual(
      wire.blocks.map(({ type, line }) => `${type}@${line}`),
      ['paragraph@3', 'paragraph@5', 'subheading@7', 'paragraph@9', 'subheading@11', 'paragraph@13'],
    );
  });

  it('tells a quote-dash subheading from quoted speech', async () => {
    const found = blocks(await fixture('basic.txt'));
    assert.ok(found.includes('subheading: – Syntetisk mellomtittel'));
    assert.ok(found.includes('paragraph: – Dette er syntetisk sitat som er en hel setning, sa testpersonen.'));
    assert.ok(found.includes('subheading: Syntetisk mellomtittel uten sitatstrek'));
  });

  it('reads CRLF, a byte-order mark, leading and trailing spaces and no final newline', async () => {
    const wire = parseWire(await fixture('crlf-bom-no-final-newline.txt'));
    assert.deepEqual(wire.photo, { caption: 'Syntetisk bildetekst.', credit: 'Test Fotograf / NTB' });
    assert.deepEqual(blocks(await fixture('crlf-bom-no-final-newline.txt')), [
      'paragraph: Syntetisk avsnitt med Windows-linjeskift.',
      'subheading: Syntetisk mellomtittel',
      'paragraph: Siste syntetiske avsnitt.',
    ]);
  });

  it('joins hard-wrapped lines, and never takes a wrapped paragraph for a subheading', async () => {
    assert.deepEqual(blocks(await fixture('hard-wrapped.txt')), [
      'paragraph: Dette syntetiske avsnittet er brutt over flere linjer, slik noen tekstsystemer gjør.',
      'paragraph: Kort linje uten punktum men med en linje til',
    ]);
    assert.equal(parseWire(await fixture('hard-wrapped.txt')).photo, undefined);
  });

  it('keeps a caption without a credit whole', async () => {
    assert.deepEqual(parseWire(await fixture('caption-without-credit.txt')).photo, {
      caption: 'Syntetisk bildetekst uten kreditt.',
    });
  });

  it('refuses an empty or blank file', async () => {
    const empty = await fixture('empty.txt');
    assertRefused(() => parseWire(empty), /is empty/);
    const blank = await fixture('blank.txt');
    assertRefused(() => parseWire(blank), /is empty/);
  });

  it('refuses a text without a date line, naming the line', async () => {
    const text = await fixture('no-date.txt');
    assertRefused(() => parseWire(text), /does not start with a date line/, 1);
  });

  it('refuses an impossible date and a malformed one', async () => {
    const impossible = await fixture('impossible-date.txt');
    assertRefused(() => parseWire(impossible), /2025-02-30, which is not a real date/, 1);
    const malformed = await fixture('malformed-date.txt');
    assertRefused(() => parseWire(malformed), /"14\.03\.2025", which is not in the form YYYY-MM-DD/, 1);
  });

  it('refuses a body with no paragraphs', async () => {
    const text = await fixture('no-paragraphs.txt');
    assertRefused(() => parseWire(text), /has no paragraphs/, 1);
  });
});

describe('decodeWireText', () => {
  it('refuses bytes that are not UTF-8', () => {
    assertRefused(() => decodeWireText(new Uint8Array([0x64, 0x61, 0x74, 0x65, 0x20, 0xff, 0xfe])), /is not UTF-8/);
  });
  it('refuses binary input, naming the line', () => {
    const bytes = new TextEncoder().encode('date 2025-03-14\n\nSyntetisk\u0000\u0001\u0002');
    assertRefused(() => decodeWireText(bytes), /control characters/, 3);
  });
  it('refuses a file over the size limit', () => {
    assertRefused(() => decodeWireText(new Uint8Array(MAX_WIRE_BYTES + 1).fill(0x61)), /over the 1048576-byte limit/);
  });
  it('accepts Norwegian text with tabs', () => {
    assert.equal(decodeWireText(new TextEncoder().encode('æøå\tÆØÅ «» –')), 'æøå\tÆØÅ «» –');
  });
});

describe('splitWireCaption', () => {
  it('takes the credit after the last sentence', () => {
    assert.deepEqual(splitWireCaption('Putin i Beijing. Nå er han der. Alexander Kazakov / Sputnik / AP / NTB'), {
      caption: 'Putin i Beijing. Nå er han der.',
      credit: 'Alexander Kazakov / Sputnik / AP / NTB',
    });
  });
  it('keeps a caption that ends with a sentence as it is', () => {
    assert.deepEqual(splitWireCaption('Bare tekst. Og mer tekst.'), { caption: 'Bare tekst. Og mer tekst.' });
    assert.deepEqual(splitWireCaption('Ingen punktum her'), { caption: 'Ingen punktum her' });
  });
});

describe('decodeWireText, invisible formatting', () => {
  it('drops byte-order marks, zero-width spaces, soft hyphens and direction marks, which are not words', () => {
    const wire = 'date 2025-09-02 \n  \uFEFF\u200B\n– Vi var der, sa hun\u00AD.\u200E\n';
    assert.equal(decodeWireText(new TextEncoder().encode(wire)), 'date 2025-09-02 \n  \n– Vi var der, sa hun.\n');
  });
});
