import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { HEADLINE_LIMIT } from '../../src/content/schema.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cachedCardFile,
  cachedCardFiles,
  type CardInput,
  pruneCardCache,
  renderCard,
} from '../../src/social-cards/render.ts';
import { cardCacheKey } from '../../src/social-cards/card-key.ts';

const PHOTO = join(import.meta.dirname, '../fixtures/content/articles/2025/01/15/testbilde.png');
const input: CardInput = {
  headline: 'Syntetisk overskrift med «æøå»',
  siteName: 'Nyhetsleser',
  footer: 'tirsdag 2. september 2025 · NTB',
};

describe('renderCard', () => {
  it('renders a 1200×630 PNG, with and without a photo', async () => {
    for (const card of [input, { ...input, photoPath: PHOTO }]) {
      const metadata = await sharp(await renderCard(card)).metadata();
      assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', CARD_WIDTH, CARD_HEIGHT]);
    }
  });
  it('draws the photo behind the text, darkened', async () => {
    // The fixture photo is one flat grey, (150, 150, 145); the card's own background is near white.
    const pixel = async (card: CardInput) => {
      const { data } = await sharp(await renderCard(card))
        .extract({ left: 600, top: 20, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [...data.subarray(0, 3)];
    };
    assert.deepEqual(await pixel(input), [0xfb, 0xfa, 0xf7]);
    const [red = 0, green = 0, blue = 0] = await pixel({ ...input, photoPath: PHOTO });
    assert.ok(red < 150 && red > 90 && Math.abs(red - green) < 3 && blue < red, `${[red, green, blue]}`);
  });
  it('keeps the longest headlines inside the frame, and the footer under them', async () => {
    const background = (channels: Buffer) => channels.every((value, index) => value === [0xfb, 0xfa, 0xf7][index % 3]);
    const region = async (png: Buffer, left: number, top: number, width: number, height: number) =>
      sharp(png).extract({ left, top, width, height }).removeAlpha().raw().toBuffer();
    for (const headline of [
      'WWW MMM '.repeat(25).slice(0, HEADLINE_LIMIT),
      'Ekstremværvarsel'.repeat(13).slice(0, HEADLINE_LIMIT),
    ]) {
      const png = await renderCard({ ...input, headline });
      assert.ok(background(await region(png, 1120, 0, 80, CARD_HEIGHT)), `nothing right of the frame: ${headline}`);
      assert.ok(background(await region(png, 16, 590, 1184, 40)), `nothing under the footer: ${headline}`);
      assert.ok(!background(await region(png, 96, 540, 400, 40)), `the footer is drawn: ${headline}`);
    }
  });
  it('draws the headline: a longer headline changes the picture', async () => {
    const [short, long] = await Promise.all([
      renderCard(input),
      renderCard({ ...input, headline: `${input.headline} og mer` }),
    ]);
    assert.notDeepEqual(short, long);
  });
});

describe('cachedCardFile', () => {
  it('renders a card once and serves it from the cache after', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'nyhetsleser-cards-'));
    const rendered: Buffer[] = [];
    const render = async (card: CardInput) => {
      rendered.push(await renderCard(card));
      return rendered.at(-1) as Buffer;
    };
    const first = await cachedCardFile(input, cacheDir, render);
    const second = await cachedCardFile(input, cacheDir, render);
    assert.equal(rendered.length, 1);
    assert.deepEqual([first.rendered, second.rendered], [true, false]);
    assert.equal(second.path, first.path);
    assert.deepEqual(await readFile(second.path), rendered[0]);
    const edited = await cachedCardFile({ ...input, headline: `${input.headline}, rettet` }, cacheDir, render);
    assert.deepEqual([edited.rendered, rendered.length], [true, 2], 'a changed headline is drawn again');
    assert.notEqual(edited.path, first.path);
  });

  it('keeps the card read-only, since builds hard-link it into the site', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'nyhetsleser-cards-'));
    const { path } = await cachedCardFile(input, cacheDir);
    assert.equal((await stat(path)).mode & 0o777, 0o444);
  });
});

describe('cachedCardFiles', () => {
  it('draws the others when one card of a batch fails, and says why that one failed', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'nyhetsleser-cards-'));
    const notAPhoto = join(cacheDir, 'ikke-et-bilde.png');
    await writeFile(notAPhoto, 'Syntetisk tekst, ikke et bilde.');
    const [before, broken, after] = await cachedCardFiles(
      [input, { ...input, photoPath: notAPhoto }, { ...input, headline: `${input.headline}, rettet` }],
      cacheDir,
    );
    assert.ok(broken && 'error' in broken && /unsupported image format/.test(broken.error), 'the reason kept');
    for (const drawn of [before, after]) {
      assert.ok(drawn && 'path' in drawn && drawn.rendered);
      assert.equal((await stat(drawn.path)).isFile(), true);
    }
  });
});

describe('pruneCardCache', () => {
  it('removes the cached cards not kept, and leaves cards being written', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'nyhetsleser-cards-'));
    for (const name of ['brukt.png', 'gammel.png', 'ny.png.123.tmp']) await writeFile(join(cacheDir, name), '');
    assert.equal(await pruneCardCache(cacheDir, new Set([join(cacheDir, 'brukt.png')])), 1);
    assert.deepEqual((await readdir(cacheDir)).sort(), ['brukt.png', 'ny.png.123.tmp']);
  });

  it('counts nothing where there is no cache yet', async () => {
    assert.equal(await pruneCardCache(join(tmpdir(), 'nyhetsleser-finnes-ikke'), new Set()), 0);
  });
});

describe('cardCacheKey', () => {
  it('changes with anything shown on the card, and only then', async () => {
    const key = await cardCacheKey(input);
    assert.equal(await cardCacheKey({ ...input }), key);
    assert.notEqual(await cardCacheKey({ ...input, headline: 'Annen' }), key);
    assert.notEqual(await cardCacheKey({ ...input, footer: 'onsdag 3. september 2025 · NTB' }), key);
    assert.notEqual(await cardCacheKey({ ...input, photoPath: PHOTO }), key);
  });
});
