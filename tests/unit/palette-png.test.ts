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

  it('reads pixels that do not start on a four-byte boundary', async () => {
    const image = pixels(30, 20, colours(12), 1);
    assert.deepEqual(await decoded(palettePng(image, 30, 20)!), image);
  });

  it('refuses more than 255 colours, and any transparency', () => {
    assert.ok(palettePng(pixels(800, 4, colours(255)), 800, 4));
    assert.equal(palettePng(pixels(800, 4, colours(256)), 800, 4), undefined);
    const seeThrough = pixels(10, 10, colours(3));
    seeThrough[4 * 55 + 3] = 254;
    assert.equal(palettePng(seeThrough, 10, 10), undefined);
  });

  it('starts each image with a palette of its own, after an image it refused too', async () => {
    assert.ok(palettePng(pixels(40, 8, colours(120)), 40, 8));
    assert.equal(palettePng(pixels(800, 4, colours(256, 2)), 800, 4), undefined);
    const image = pixels(40, 8, colours(30, 2).concat(colours(20)).reverse());
    assert.deepEqual(await decoded(palettePng(image, 40, 8)!), image);
  });
});
