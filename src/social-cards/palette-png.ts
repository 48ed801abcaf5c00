import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * A PNG with a palette, from raw RGBA pixels of at most 255 opaque colours:
 * how a text card is stored. A text card is flat colours and their
 * anti-aliased edges, under a hundred colours; one byte a pixel, with its
 * runs compressed as runs (zlib's RLE strategy), takes a fraction of the CPU
 * of takumi's own PNG, which searches the whole picture for repeats, for a
 * somewhat larger file (README, benchmarks). fast-png, deflating in
 * JavaScript, was slower than takumi. Lossless: the file holds exactly the
 * pixels drawn.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const INDEXED_COLOUR = 3;
/**
 * One more than a palette index, by colour (0xRRGGBB), and 0 for a colour not met. 16 MB, of which only
 * the memory pages of the colours met are ever touched.
 */
const paletteEntry = new Uint8Array(1 << 24);
const MOST_COLOURS = 255;

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(typed.length + 8);
  framed.writeUInt32BE(data.length, 0);
  typed.copy(framed, 4);
  framed.writeUInt32BE(crc32(typed), typed.length + 4);
  return framed;
}

/** The PNG, or undefined where the pixels have more than 255 colours or any transparency. */
export function palettePng(pixels: Uint8Array, width: number, height: number): Buffer | undefined {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`A PNG is at least 1×1 pixels, not ${width}×${height}`);
  }
  if (pixels.length !== width * height * 4) {
    throw new RangeError(`${width}×${height} RGBA pixels are ${width * height * 4} bytes, not ${pixels.length}`);
  }
  const bytes = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length);
  // Compared four bytes at a time where the buffer allows it: a copy costs less than the comparisons it saves.
  const words = new Uint32Array(
    bytes.byteOffset % 4 === 0 ? bytes.buffer : new Uint8Array(bytes).buffer,
    bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0,
    width * height,
  );
  const rowLength = width + 1;
  const rows = Buffer.alloc(rowLength * height);
  const colours: number[] = [];
  try {
    for (let y = 0; y < height; y++) {
      const row = y * rowLength + 1;
      // Filter type 0 (none) for every row, which Buffer.alloc has written; a row like the one above is copied.
      if (y > 0 && bytes.compare(bytes, y * width * 4, (y + 1) * width * 4, (y - 1) * width * 4, y * width * 4) === 0) {
        rows.copyWithin(row, row - rowLength, row - 1);
        continue;
      }
      for (let x = 0; x < width;) {
        const pixel = y * width + x;
        const word = words[pixel]!;
        let end = x + 1;
        while (end < width && words[y * width + end] === word) end++;
        const at = pixel * 4;
        if (bytes[at + 3] !== 255) return undefined;
        const colour = (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!;
        let entry = paletteEntry[colour]!;
        if (!entry) {
          if (colours.length === MOST_COLOURS) return undefined;
          colours.push(colour);
          entry = paletteEntry[colour] = colours.length;
        }
        // Buffer.fill's checks cost more than a short run's bytes.
        if (end - x > 16) rows.fill(entry - 1, row + x, row + end);
        else for (let byte = row + x; byte < row + end; byte++) rows[byte] = entry - 1;
        x = end;
      }
    }
  } finally {
    for (const colour of colours) paletteEntry[colour] = 0;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(INDEXED_COLOUR, 9);
  const palette = Buffer.alloc(colours.length * 3);
  colours.forEach((colour, index) => palette.writeUIntBE(colour, index * 3, 3));
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(rows, { strategy: constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
