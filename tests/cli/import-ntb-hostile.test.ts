import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../helpers/builds.ts';
import { filesBelow, runImport, temporaryFolder } from '../helpers/import-cli.ts';

/** `npm run import` against inputs made to mislead it. All inputs are synthetic. */

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/ntb');
const NITF_V1 = join(FIXTURES, 'story-v1.nitf.xml');
const NITF_TARGET = 'articles/2025/03/20/syntetisk-budsjett-vedtatt-i-testvik.md';

describe('npm run import, a photo that is not one', () => {
  for (const [name, content, reason] of [
    ['notater.md', '---\ntitle: Syntetisk\n---\n', 'it is not named as a JPEG, PNG, WebP, AVIF or GIF photo'],
    ['notater.txt', 'Syntetiske notater.\n', 'it is not named as a JPEG, PNG, WebP, AVIF or GIF photo'],
    ['falsk.png', 'Syntetisk tekst, ikke et bilde.\n', 'it is not a JPEG, PNG, WebP, AVIF or GIF photo'],
  ] as const) {
    it(`keeps the caption of a media-reference to ${name}, copies nothing, and says why`, async () => {
      const wireDir = await temporaryFolder('wire');
      const story = (await readFile(NITF_V1, 'utf8')).replace('source="syntetisk-bilde.png"', `source="${name}"`);
      await writeFile(join(wireDir, 'story.xml'), story);
      await writeFile(join(wireDir, name), content);
      const contentDir = await temporaryFolder('import');
      const result = await runImport([join(wireDir, 'story.xml')], { contentDir });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(
        result.stderr,
        `warning: ${join(wireDir, 'story.xml')}: the photo ${name} is not imported, as ${reason}: the caption and credit are shown without it\n`,
      );
      assert.deepEqual(await filesBelow(contentDir), [NITF_TARGET]);
      assert.doesNotMatch(await readFile(join(contentDir, NITF_TARGET), 'utf8'), /src:/);
    });
  }

  it('still copies a real photo', async () => {
    const wireDir = await temporaryFolder('wire');
    await copyFile(NITF_V1, join(wireDir, 'story.xml'));
    await copyFile(join(FIXTURES, 'syntetisk-bilde.png'), join(wireDir, 'syntetisk-bilde.png'));
    const contentDir = await temporaryFolder('import');
    const result = await runImport([join(wireDir, 'story.xml')], { contentDir });
    assert.equal(result.stderr, '');
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/20/syntetisk-bilde.png', NITF_TARGET]);
  });
});
