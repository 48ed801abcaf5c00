import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Root } from 'hast';
import { rehype } from 'rehype';
import { astroBuild, PROJECT_ROOT } from '../helpers/builds.ts';
import { all, one, text } from '../helpers/hast.ts';
import { runImport, temporaryFolder } from '../helpers/import-cli.ts';

/** An NTB import into an empty content folder, then a build of it: the editor's whole path to a page. */

let page: Root;

before(async () => {
  const root = await temporaryFolder('imported-site');
  const contentDir = join(root, 'content');
  const imported = await runImport([join(PROJECT_ROOT, 'tests/fixtures/ntb/basic.txt'), '--tags', 'Test'], {
    contentDir,
  });
  assert.equal(imported.code, 0, imported.stderr);
  const outDir = join(root, 'dist');
  const build = await astroBuild({ outDir, contentDir, cacheDir: join(root, 'cache') });
  assert.equal(build.code, 0, build.output);
  page = rehype().parse(
    await readFile(join(outDir, '2025/03/14/syntetisk-ingress-skrevet-for-testene/index.html'), 'utf8'),
  );
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
