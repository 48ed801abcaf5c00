import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readUpToLimit } from '../../scripts/ntb/input.ts';
import { MAX_WIRE_BYTES, WireFormatError } from '../../scripts/ntb/wire.ts';

describe('readUpToLimit', () => {
  it('reads a stream up to the limit whole', async () => {
    async function* twoChunks() {
      yield new Uint8Array(MAX_WIRE_BYTES - 1).fill(0x61);
      yield new Uint8Array([0x62]);
    }
    const bytes = await readUpToLimit(twoChunks());
    assert.equal(bytes.byteLength, MAX_WIRE_BYTES);
    assert.equal(bytes.at(-1), 0x62);
  });

  it('refuses an endless stream as soon as it goes over, and reads no further', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield new Uint8Array(64 * 1024);
      }
    }
    await assert.rejects(readUpToLimit(endless()), (error: unknown) => {
      assert.ok(error instanceof WireFormatError);
      assert.equal(error.message, `is over the ${MAX_WIRE_BYTES}-byte limit for a wire text`);
      return true;
    });
    assert.equal(pulled, MAX_WIRE_BYTES / (64 * 1024) + 1);
  });
});
