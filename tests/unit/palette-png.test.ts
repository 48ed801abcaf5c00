import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { palettePng } from '../../src/social-cards/palette-png.ts';

/** Synthetic pixels: opaque runs of the given colours, a row repeated now and then, in RGBA. */
function pixels(width: number, height: number, colours: number[], offset = 0): Uint8Array {
  const buffer = new Uint8Array(offset + width * height * 4);
  const image = buffer.subarray(offset);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const source = y % 3 === 2 ? y - 1 : y;
      const colour = colours[(Math.floor(x / 3) + source * 7) % colours.length]!;
      image.set([colour >> 16, (colour >> 8) & 255, colour & 255, 255], (y * width + x) * 4);
    }
  }
  return image;
}

const decoded = async (png: Buffer) => new Uint8Array(await sharp(png).ensureAlpha().raw().toBuffer());
/** As many distinct colours; another seed gives others, mostly. */
const colours = (count: number, seed = 0) =>
  Array.from({ length: count }, (_, index) => ((index + 1) * 0x3f1) ^ (seed * 0x5a5a5a));

describe('palettePng', () => {
  it('holds exactly the pixels it was given, in a PNG with a palette', async () => {
    const image = pixels(97, 41, colours(200));
    const png = palettePng(image, 97, 41);
    assert.ok(png);
    const metadata = await sharp(png).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height, metadata.isPalette], ['png', 97, 41, true]);
    assert.deepEqual(await decoded(png), image);
  });

  it('reads pixels wherever they start in their buffer', async () => {
    for (const offset of [1, 4, 8]) {
      const image = pixels(30, 20, colours(12), offset);
      assert.deepEqual(await decoded(palettePng(image, 30, 20)!), image, `at ${offset}`);
    }
  });

  it('keeps long runs, runs that go on into the next row, and a row that differs from the one above in its last pixel', async () => {
    const [flat, other, last] = colours(3) as [number, number, number];
    const width = 50;
    const image = new Uint8Array(width * 4 * 4);
    const paint = (pixel: number, colour: number) =>
      image.set([colour >> 16, (colour >> 8) & 255, colour & 255, 255], pixel * 4);
    // Row 0: one pixel, a long run, and a run on into row 1; row 2 is row 1 but for its last pixel.
    for (let pixel = 0; pixel < width * 4; pixel++) paint(pixel, flat);
    paint(0, last);
    for (let pixel = width - 10; pixel < width + 10; pixel++) paint(pixel, other);
    for (let pixel = width * 2; pixel < width * 2 + 10; pixel++) paint(pixel, other);
    paint(width * 3 - 1, last);
    assert.deepEqual(await decoded(palettePng(image, width, 4)!), image);
  });

  it('refuses pixels that are not the size given', () => {
    assert.throws(() => palettePng(new Uint8Array(64).subarray(0, 4), 4, 4), RangeError);
    assert.throws(() => palettePng(new Uint8Array(0), 0, 0), RangeError);
  });

  it('refuses more than 255 colours, and any transparency', () => {
    assert.ok(palettePng(pixels(800, 4, colours(255)), 800, 4));
    assert.equal(palettePng(pixels(800, 4, colours(256)), 800, 4), undefined);
    for (const offset of [0, 1]) {
      const seeThrough = pixels(10, 10, colours(3), offset);
      seeThrough[4 * 55 + 3] = 254;
      assert.equal(palettePng(seeThrough, 10, 10), undefined, `at ${offset}`);
    }
  });

  it('starts each image with a palette of its own, after an image it refused too', async () => {
    assert.ok(palettePng(pixels(40, 8, colours(120)), 40, 8));
    assert.equal(palettePng(pixels(800, 4, colours(256, 2)), 800, 4), undefined);
    const image = pixels(40, 8, colours(30, 2).concat(colours(20)).reverse());
    assert.deepEqual(await decoded(palettePng(image, 40, 8)!), image);
  });
});
