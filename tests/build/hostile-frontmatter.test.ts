import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import sharp from 'sharp';
import { fromXml } from 'xast-util-from-xml';
import { toString as xmlText } from 'xast-util-to-string';
import { BUILDS, readPage } from '../helpers/builds.ts';
import { all, one } from '../helpers/hast.ts';

/** The synthetic fixture's article whose headline and tag try to break out of every place they are printed. */
const PAGE = '2025/01/16/fiendtlig-tittel/';
const TITLE = "</title><script>alert('tittel')</script> & «sitat» \u2028 <!--";
const TAG = "<img src=x onerror=alert('emne')>";

let page: Root;

before(async () => {
  page = await readPage(BUILDS.fixture, `${PAGE}index.html`);
});

const raw = (element: ReturnType<typeof one>) => (element.children[0] as { value: string } | undefined)?.value ?? '';

describe('a headline and tag written to break out of the page', () => {
  it('stays text in the title, the headline and the preview tags', () => {
    assert.equal(raw(one(page, 'title')), `${TITLE} – Nyhetsleser`);
    assert.equal(raw(one(page, 'h1')), TITLE);
    assert.equal(one(page, 'meta[property="og:title"]').properties.content, TITLE);
    assert.equal(one(page, 'meta[property="article:tag"]').properties.content, TAG);
    assert.equal(raw(one(page, '.article-tags a')), TAG);
  });

  it('adds no element: only the JSON-LD and the share script are scripts, and no image appears', () => {
    assert.deepEqual(
      all(page, 'script').map((script) => script.properties.type),
      ['application/ld+json', 'module'],
    );
    assert.deepEqual(all(page, 'main img'), []);
  });

  it('cannot close the JSON-LD script, which parses back to the headline', () => {
    const json = raw(one(page, 'script[type="application/ld+json"]'));
    assert.doesNotMatch(json, /[<>]/);
    assert.equal(JSON.parse(json).headline, TITLE);
  });

  it('is escaped text in the RSS feed', async () => {
    const feed = fromXml(await readFile(join(BUILDS.fixture.dir, 'rss.xml'), 'utf8'));
    const titles: string[] = [];
    const walk = (node: { type: string; name?: string; children?: unknown[] }) => {
      if (node.type === 'element' && node.name === 'title') titles.push(xmlText(node as never));
      for (const child of node.children ?? []) walk(child as never);
    };
    walk(feed);
    assert.ok(titles.includes(TITLE), titles.join('\n'));
  });

  it('is drawn as text on the social card', async () => {
    const metadata = await sharp(join(BUILDS.fixture.dir, PAGE, 'card.png')).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', 1200, 630]);
  });

  it('shows code that looks dangerous as code', () => {
    assert.deepEqual(all(page, '.article-body code').map(raw), [
      "<script>alert('kode')</script>",
      'javascript:alert(1)',
    ]);
  });
});
