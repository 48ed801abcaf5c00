import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type ImageSource, type Node, Renderer } from '@takumi-rs/core';
import sharp from 'sharp';
import { writeCacheFile } from '../content/cache-file.ts';
import { cardCacheFile } from './card-key.ts';
import { palettePng } from './palette-png.ts';

/**
 * The picture a shared link shows: 1200×630 (1.91:1, what Facebook, LinkedIn
 * and X ask for), with the headline, the date and the site name set in Inter
 * from npm. An article with a photo gets the photo behind the text, cropped
 * to 1.91:1. Cards are cached by a hash of their inputs (card-key.ts), so a
 * rebuild renders only the cards whose article changed.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  headline: string;
  siteName: string;
  /** The line under the headline: "tirsdag 2. september 2025 · NTB". */
  footer?: string | undefined;
  /** The lead photo file, when the article has one. */
  photoPath?: string | undefined;
}

const require = createRequire(import.meta.url);
let renderer: Promise<Renderer> | undefined;

/** One renderer a process, with Inter in it: fonts are parsed once, and glyphs are cached between cards. */
function cardRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const created = new Renderer();
    for (const weight of [400, 800]) {
      const file = require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff2`);
      await created.registerFont({ name: 'Inter', weight, style: 'normal', data: await readFile(file) });
    }
    return created;
  })();
  return renderer;
}

type Style = Record<string, string | number>;
const box = (style: Style, children: Node[] = []): Node => ({ type: 'container', style, children });
const text = (style: Style, content: string): Node => ({ type: 'text', text: content, style });

/**
 * Headlines shrink as they grow, so that the longest still fit. Lines past the
 * most that fit between the site name and the footer end in an ellipsis, and
 * a word wider than the card is broken: only a headline of wide capitals or
 * one endless word comes near either.
 */
function headlineStyle(headline: string): Style {
  const [fontSize, lines] = headline.length <= 40 ? [72, 5] : headline.length <= 70 ? [60, 6] : [48, 7];
  return { fontSize, lineClamp: lines, textOverflow: 'ellipsis', overflowWrap: 'break-word' };
}

/** What the card's image node calls the photo. */
const PHOTO_SOURCE = 'photo';

function cardTree(input: CardInput, photo: boolean): Node {
  const layer = { position: 'absolute', left: 0, top: 0, width: CARD_WIDTH, height: CARD_HEIGHT };
  const inked = (node: Node | false | undefined | '') => (node ? [node] : []);
  const content = box(
    { position: 'absolute', left: 96, top: 60, right: 80, bottom: 56, display: 'flex', flexDirection: 'column' },
    [
      text(
        { fontSize: 36, fontWeight: 800, color: photo ? '#ffffff' : '#a3161c', letterSpacing: -0.5 },
        input.siteName,
      ),
      box({ flexGrow: 1 }),
      text({ ...headlineStyle(input.headline), fontWeight: 800, lineHeight: 1.1, letterSpacing: -1.5 }, input.headline),
      ...inked(
        input.footer && text({ marginTop: 36, fontSize: 30, color: photo ? '#ece8e0' : '#5b5750' }, input.footer),
      ),
    ],
  );
  return box(
    {
      ...layer,
      display: 'flex',
      backgroundColor: '#fbfaf7',
      color: photo ? '#ffffff' : '#1b1a18',
      fontFamily: 'Inter',
    },
    [
      ...inked(photo && { type: 'image', src: PHOTO_SOURCE, style: layer }),
      ...inked(
        photo &&
          box({ ...layer, backgroundImage: 'linear-gradient(180deg, rgba(0,0,0,0.2) 0%, rgba(0,0,0,0.85) 100%)' }),
      ),
      box({ ...layer, width: 16, backgroundColor: '#a3161c' }),
      content,
    ],
  );
}

/** The photo cropped to the card around its subject. */
async function croppedPhoto(path: string): Promise<Buffer> {
  return sharp(path)
    .resize(CARD_WIDTH, CARD_HEIGHT, { fit: 'cover', position: 'attention' })
    .jpeg({ quality: 82 })
    .toBuffer();
}

/** Renders a card to PNG. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const renderer = await cardRenderer();
  if (input.photoPath) {
    const photo = await croppedPhoto(input.photoPath);
    // The photo is handed beside the tree, not in it: bytes inside the tree made the card several times slower
    // to draw. Each card has a photo of its own, so the renderer has no reason to keep it.
    const images: ImageSource[] = [{ src: PHOTO_SOURCE, data: photo, cache: 'none' }];
    return renderer.render(cardTree(input, true), { width: CARD_WIDTH, height: CARD_HEIGHT, images });
  }
  const tree = cardTree(input, false);
  const pixels = await renderer.render(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, format: 'raw' });
  return (
    palettePng(pixels, CARD_WIDTH, CARD_HEIGHT) ?? renderer.render(tree, { width: CARD_WIDTH, height: CARD_HEIGHT })
  );
}

/**
 * Removes the cached cards not in `keep`, and returns how many. An edited
 * article leaves its old card behind, and a cache kept between builds would
 * otherwise grow with every edit. Files being written (`.tmp`) are left alone.
 */
export async function pruneCardCache(cacheDir: string, keep: Set<string>): Promise<number> {
  const old = (await readdir(cacheDir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.png'))
    .map((name) => join(cacheDir, name))
    .filter((path) => !keep.has(path));
  await Promise.all(old.map((path) => rm(path, { force: true })));
  return old.length;
}

/** The card's file in the cache, rendered into it first when it is not there. `rendered` tells which. */
export async function cachedCardFile(
  input: CardInput,
  cacheDir: string,
  render: (input: CardInput) => Promise<Buffer> = renderCard,
): Promise<{ path: string; rendered: boolean }> {
  const { path, cached } = await cardCacheFile(input, cacheDir);
  if (cached) return { path, rendered: false };
  const png = await render(input);
  // Read-only, since builds hard-link it into the site: a tool that rewrote the site's copy in place would
  // change the cache's too.
  writeCacheFile(path, png, { mode: 0o444 });
  return { path, rendered: true };
}

/** A card's file in the cache, or why it could not be drawn. */
export type CardResult = Awaited<ReturnType<typeof cachedCardFile>> | { error: string };

/** Each card's file in the cache, drawn one after another: one card's failure does not fail the others. */
export async function cachedCardFiles(inputs: CardInput[], cacheDir: string): Promise<CardResult[]> {
  const results: CardResult[] = [];
  for (const input of inputs) {
    results.push(
      await cachedCardFile(input, cacheDir).catch((error: Error) => ({ error: error.stack ?? String(error) })),
    );
  }
  return results;
}
