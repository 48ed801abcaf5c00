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

/** A synthetic ninjs story, with fields replaced where a test needs them. */
const ninjs = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    uri: 'urn:syntetisk:hostile',
    headline: 'Syntetisk overskrift',
    firstcreated: '2025-03-20T09:30:00+01:00',
    body_html: '<p>Syntetisk ingress.</p>',
    ...fields,
  });

describe('npm run import, bad fields named in the input', () => {
  const nitf = (docdata: string) =>
    `<nitf><head><docdata><doc-id id-string="NTB-syntetisk"/>${docdata}</docdata></head><body><body.head><hedline><hl1>Syntetisk</hl1></hedline></body.head><body.content><p>Syntetisk avsnitt.</p></body.content></body></nitf>`;
  const cases: Array<[string, string, RegExp]> = [
    [
      'a versioncreated before its firstcreated',
      ninjs({ versioncreated: '2025-03-20T09:00:00+01:00', firstcreated: '2025-03-20T10:00:00+01:00' }),
      /: has the versioncreated "2025-03-20T09:00:00\+01:00", before its firstcreated/,
    ],
    [
      'a year before 1900',
      nitf('<date.issue norm="18991231T120000+0100"/>'),
      /:1: has the date.issue norm "18991231T120000\+0100", before 1900/,
    ],
    [
      'a year far ahead',
      nitf('<date.issue norm="30000101T120000+0100"/>'),
      /:1: has the date.issue norm "30000101T120000\+0100", before 1900 or more than a year from now/,
    ],
    [
      'a headline over 200 characters',
      ninjs({ headline: 'Syntetisk '.repeat(25) }),
      /: has a headline of 249 characters, more than the 200 a headline may have: give a shorter one with --title/,
    ],
    [
      'a version too large for a number',
      nitf('<du-key version="99999999999999999999999"/><date.issue norm="20250320T093000+0100"/>'),
      /:1: has the du-key version "99999999999999999999999", too large a number to be a version/,
    ],
  ];
  for (const [name, input, message] of cases) {
    it(`refuses ${name}, naming the input and its field`, async () => {
      const wireDir = await temporaryFolder('wire');
      const file = join(wireDir, input.startsWith('{') ? 'story.json' : 'story.xml');
      await writeFile(file, input);
      const contentDir = await temporaryFolder('import');
      const result = await runImport([file], { contentDir });
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`^error: ${file}${message.source}[^\\n]*\\n$`));
      assert.deepEqual(await filesBelow(contentDir), []);
    });
  }

  it('leaves out a tag with no letters or digits, with a warning, and imports the story', async () => {
    const wireDir = await temporaryFolder('wire');
    const file = join(wireDir, 'story.json');
    await writeFile(file, ninjs({ subject: [{ name: '---' }, { name: 'Testvik' }, { name: '|' }] }));
    const contentDir = await temporaryFolder('import');
    const result = await runImport([file], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stderr,
      ['---', '|']
        .map(
          (tag) =>
            `warning: ${file}: the tag "${tag}" has no letters or digits that a topic address can use, so it was left out\n`,
        )
        .join(''),
    );
    assert.match(
      await readFile(join(contentDir, 'articles/2025/03/20/syntetisk-overskrift.md'), 'utf8'),
      /^tags:\n {2}- Testvik\n/m,
    );
  });
});

describe('npm run import, the hour the clocks go back', () => {
  it('takes a version 20 minutes later but earlier on the clock as newer, storing an offset where the time alone is ambiguous', async () => {
    const wireDir = await temporaryFolder('wire');
    const contentDir = await temporaryFolder('import');
    const target = join(contentDir, 'articles/2025/10/26/syntetisk-overskrift.md');
    const versions = [
      ['2025-10-26T02:50:00+02:00', 'Syntetisk ingress.', 'updated: 2025-10-26T02:50+02:00'],
      // The site reads an Oslo time in the repeated hour as its later instant: this one needs no offset.
      ['2025-10-26T02:10:00+01:00', 'Rettet syntetisk ingress.', 'updated: 2025-10-26T02:10'],
    ] as const;
    for (const [index, [versioncreated, ingress, updated]] of versions.entries()) {
      const file = join(wireDir, `v${index}.json`);
      const story = { firstcreated: '2025-10-26T01:00:00+02:00', versioncreated, body_html: `<p>${ingress}</p>` };
      await writeFile(file, ninjs(story));
      const result = await runImport([file], { contentDir });
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        await readFile(target, 'utf8'),
        new RegExp(`^published: 2025-10-26T01:00\\n${updated.replace('+', '\\+')}\\n`, 'm'),
      );
    }
  });
});

describe('npm run import --dry-run, a folder with two versions of a story', () => {
  it('reports what the real run does: the second version updates the article the first makes', async () => {
    const wireDir = await temporaryFolder('wire');
    await copyFile(NITF_V1, join(wireDir, 'a-v1.xml'));
    await copyFile(join(FIXTURES, 'story-v2.nitf.xml'), join(wireDir, 'b-v2.xml'));
    const contentDir = await temporaryFolder('import');
    const dryRun = await runImport([wireDir, '--dry-run'], { contentDir });
    assert.equal(dryRun.code, 0, dryRun.stderr);
    assert.deepEqual(await filesBelow(contentDir), []);
    const realRun = await runImport([wireDir], { contentDir });
    assert.equal(realRun.code, 0, realRun.stderr);
    assert.match(realRun.stdout, /^updated {2}\S+b-v2\.xml → /m);
    assert.equal(dryRun.stdout, realRun.stdout);
  });
});
