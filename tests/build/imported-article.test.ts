import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import { rehype } from 'rehype';
import { astroBuild, PROJECT_ROOT } from '../helpers/builds.ts';
import { all, one, text } from '../helpers/hast.ts';
import { runImport, temporaryFolder } from '../helpers/import-cli.ts';

/**
 * NTB imports into an empty content folder, then a build of it: the editor's
 * whole path to a page. The folder gets a plain wire text, an NITF story and
 * a newer version of it, and a ninjs story, all synthetic, and is built once.
 */

const NTB = join(PROJECT_ROOT, 'tests/fixtures/ntb');
let page: Root;
let nitfPage: Root;
let ninjsPage: Root;

before(async () => {
  const root = await temporaryFolder('imported-site');
  const contentDir = join(root, 'content');
  const imported = await runImport([join(PROJECT_ROOT, 'tests/fixtures/ntb/basic.txt'), '--tags', 'Test'], {
    contentDir,
  });
  assert.equal(imported.code, 0, imported.stderr);
  for (const story of ['story-v1.nitf.xml', 'story-v2.nitf.xml', 'story.ninjs.json']) {
    const result = await runImport([join(NTB, story)], { contentDir });
    assert.equal(result.code, 0, result.stderr);
  }
  const outDir = join(root, 'dist');
  const build = await astroBuild({ outDir, contentDir, cacheDir: join(root, 'cache') });
  assert.equal(build.code, 0, build.output);
  const built = async (permalink: string) =>
    rehype().parse(await readFile(join(outDir, permalink, 'index.html'), 'utf8'));
  page = await built('2025/03/14/syntetisk-ingress-skrevet-for-testene');
  nitfPage = await built('2025/03/20/syntetisk-budsjett-vedtatt-i-testvik');
  ninjsPage = await built('2025/03/20/syntetisk-budsjett-vedtatt-i-testvik-ninjs');
});

describe('an imported wire text, built', () => {
  it('has the derived headline and the lede first in the body', () => {
    assert.equal(text(one(page, 'h1')), 'Syntetisk ingress, skrevet for testene');
    assert.match(
      text(one(page, '.article-body p.lede')),
      /^Syntetisk ingress, skrevet for testene, og den er lang nok/,
    );
  });

  it('has a section for each subheading', () => {
    assert.deepEqual(
      all(page, '.article-body > section h2').map((heading) => [heading.properties.id, text(heading)]),
      [
        ['syntetisk-mellomtittel', '– Syntetisk mellomtittel'],
        ['syntetisk-mellomtittel-uten-sitatstrek', 'Syntetisk mellomtittel uten sitatstrek'],
      ],
    );
    assert.deepEqual(all(all(page, '.article-body > section')[0]!, 'p').map(text), [
      '– Dette er syntetisk sitat som er en hel setning, sa testpersonen.',
    ]);
  });

  it('shows the lead figure with the caption and the credit in NTB form', () => {
    const figure = one(page, 'figure.lead-photo');
    assert.equal(text(one(figure, '.caption')), 'Syntetisk bildetekst til testen. Nå står det mer her.');
    assert.equal(text(one(figure, '.credit')), 'Foto: Test Fotograf / Testbyrå / NTB');
  });
});

/** What a page shows of a story that NITF or ninjs gave: read from the page as a reader sees it. */
function shown(story: Root) {
  const figure = one(story, 'figure.lead-photo');
  return {
    headline: text(one(story, 'h1')),
    byline: text(one(story, '.byline')),
    times: all(story, '.dateline time').map((time) => time.properties.dateTime),
    sections: all(story, '.article-body > section h2').map(text),
    photo: [text(one(figure, '.caption')), text(one(figure, '.credit'))],
    topics: all(story, '.article-tags a').map(text),
  };
}

/** The same story in both formats: one subheading, and the photo's caption and credit. */
const SAME_STORY = {
  sections: ['Syntetisk mellomtittel'],
  photo: ['Syntetisk bildetekst: en oppdiktet ordfører foran et oppdiktet rådhus.', 'Foto: Test Fotograf / NTB'],
};

/** Each story's page, and what it must show: the NITF story after its newer version came. */
const STORY_PAGES: Array<[string, () => Root, Partial<ReturnType<typeof shown>>]> = [
  [
    "NITF, updated in place: the newer headline at the first version's permalink",
    () => nitfPage,
    {
      headline: 'Syntetisk budsjett vedtatt etter lang debatt',
      byline: 'Av Kari Syntetisk, NTB, Testvik',
      times: ['2025-03-20T09:30:00+01:00', '2025-03-20T11:45:00+01:00'],
      topics: ['Testvik', 'Kommuneøkonomi', 'Politikk'],
    },
  ],
  [
    'ninjs',
    () => ninjsPage,
    {
      headline: 'Syntetisk budsjett vedtatt i Testvik (ninjs)',
      byline: 'Av Kari Syntetisk, NTB',
      times: ['2025-03-20T09:30:00+01:00', '2025-03-20T10:05:00+01:00'],
      topics: ['Testvik', 'Kommuneøkonomi'],
    },
  ],
];

describe('imported NITF and ninjs stories, built', () => {
  for (const [format, story, expected] of STORY_PAGES) {
    it(`${format}: headline, byline and dateline, times, sections, photo and topics`, () => {
      assert.deepEqual(shown(story()), { ...expected, ...SAME_STORY });
    });
  }

  it('NITF: the lede first, and the photo file with its alt text', () => {
    assert.match(text(one(nitfPage, '.article-body p.lede')), /^Syntetisk ingress: den oppdiktede kommunen Testvik/);
    assert.equal(
      one(nitfPage, 'figure.lead-photo img').properties.alt,
      'En oppdiktet ordfører står foran et grått rådhus.',
    );
  });
});
