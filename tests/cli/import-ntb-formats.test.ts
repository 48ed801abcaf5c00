import assert from 'node:assert/strict';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../helpers/builds.ts';
import { assertRefusedInOneLine, filesBelow, runImport, temporaryFolder } from '../helpers/import-cli.ts';

/** NITF and ninjs through `npm run import`, and newer versions of a story updating its article in place. */

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/ntb');
const NITF_V1 = join(FIXTURES, 'story-v1.nitf.xml');
const NITF_V2 = join(FIXTURES, 'story-v2.nitf.xml');
const NITF_TARGET = 'articles/2025/03/20/syntetisk-budsjett-vedtatt-i-testvik.md';

describe('npm run import, NITF and ninjs', () => {
  it('imports an NITF story with no flags, its photo beside it, and warns of nothing', async () => {
    const contentDir = await temporaryFolder('import');
    const result = await runImport([NITF_V1], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/20/syntetisk-bilde.png', NITF_TARGET]);
    const article = await readFile(join(contentDir, NITF_TARGET), 'utf8');
    assert.match(article, /^title: Syntetisk budsjett vedtatt i Testvik\npublished: 2025-03-20T09:30\n/m);
    assert.match(
      article,
      /^storyId: NTB-syntetisk-testvik-budsjett\nstoryVersion: 1\nphoto:\n {2}src: \.\/syntetisk-bilde\.png\n/m,
    );
  });

  it('imports a ninjs story with no flags, and names the markup the HTML policy removed', async () => {
    const contentDir = await temporaryFolder('import');
    const result = await runImport([join(FIXTURES, 'story-1x.ninjs.json')], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stderr,
      `warning: ${join(FIXTURES, 'story-1x.ninjs.json')}: the site's HTML policy removed from the body: onclick="alert(1)" on <p> is not allowed; <script> is not allowed in an article\n`,
    );
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/21/syntetisk-sak-i-ninjs-1-x.md']);
  });

  it('imports the .xml and .json of a folder, each by its content', async () => {
    const wireDir = await temporaryFolder('wire');
    await cp(NITF_V1, join(wireDir, 'a.xml'));
    await cp(join(FIXTURES, 'story.ninjs.json'), join(wireDir, 'b.json'));
    const contentDir = await temporaryFolder('import');
    const result = await runImport([wireDir], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /the photo syntetisk-bilde\.png is not imported, as it is not a file beside the input/);
    assert.deepEqual(await filesBelow(contentDir), [
      'articles/2025/03/20/syntetisk-budsjett-vedtatt-i-testvik-ninjs.md',
      NITF_TARGET,
    ]);
  });
});

describe('npm run import, updates in place', () => {
  it('rewrites the article for a newer version, keeps its permalink, and says what changed', async () => {
    const contentDir = await temporaryFolder('import');
    assert.equal((await runImport([NITF_V1], { contentDir })).code, 0);
    const result = await runImport([NITF_V2], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trimEnd().split('\n').slice(0, -1), [
      'headline: "Syntetisk budsjett vedtatt i Testvik" → "Syntetisk budsjett vedtatt etter lang debatt"',
      'paragraphs: 2 added, 2 removed',
    ]);
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/20/syntetisk-bilde.png', NITF_TARGET]);
    const article = await readFile(join(contentDir, NITF_TARGET), 'utf8');
    assert.match(article, /^title: Syntetisk budsjett vedtatt etter lang debatt\n/m);
    assert.match(article, /^published: 2025-03-20T09:30\nupdated: 2025-03-20T11:45\n/m);
    assert.match(article, /^slug: syntetisk-budsjett-vedtatt-i-testvik\n/m);
    assert.match(article, /^storyVersion: 2$/m);
  });

  it('refuses the same version and an older one in one line, leaving the article as it is', async () => {
    const contentDir = await temporaryFolder('import');
    await runImport([NITF_V2], { contentDir });
    const before = await readFile(
      join(contentDir, 'articles/2025/03/20/syntetisk-budsjett-vedtatt-etter-lang-debatt.md'),
    );
    for (const [input, reason] of [
      [NITF_V2, 'the same version as'],
      [NITF_V1, 'older than version 2 in'],
    ] as const) {
      const result = await runImport([input, '--force'], { contentDir });
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        new RegExp(
          `^error: [^\\n]+: is version \\d of story NTB-syntetisk-testvik-budsjett, ${reason} [^\\n]+: left as it is\\n$`,
        ),
      );
    }
    assert.deepEqual(
      await readFile(join(contentDir, 'articles/2025/03/20/syntetisk-budsjett-vedtatt-etter-lang-debatt.md')),
      before,
    );
  });

  it('never puts two stories with different ids in one file, even with --force', async () => {
    const contentDir = await temporaryFolder('import');
    await runImport([NITF_V1], { contentDir });
    const before = await readFile(join(contentDir, NITF_TARGET), 'utf8');
    const slug = ['--slug', 'syntetisk-budsjett-vedtatt-i-testvik', '--force'];
    const result = await runImport([join(FIXTURES, 'story.ninjs.json'), ...slug], { contentDir });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: [^\n]+: is story urn:syntetisk:ninjs:testvik-budsjett, and [^\n]+ is story NTB-syntetisk-testvik-budsjett: two stories never share a file/,
    );
    assert.equal(await readFile(join(contentDir, NITF_TARGET), 'utf8'), before);
  });
});

describe('npm run import, bad NITF and ninjs', () => {
  const nitf = (content: string) =>
    `<nitf><head><docdata><doc-id id-string="NTB-syntetisk"/>${content}</docdata></head></nitf>`;
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ['XML that is not well-formed', '<nitf>\n<p>\n</nitf>', /:3: is not well-formed XML/],
    ['another root element', '<?xml version="1.0"?>\n<rss/>', /:2: has the root element <rss>, not <nitf>/],
    ['NITF with no headline', nitf('<date.issue norm="20250320T0930"/>'), /:1: has no headline/],
    ['NITF with no date', nitf(''), /: has no headline|: has no date/],
    ['JSON that is not ninjs', '{"title": "Syntetisk"}', /: is JSON, but not a ninjs story/],
    ['ninjs with no body', '{"uri": "u", "headline": "T", "versioncreated": "2025-03-20T09:30:00Z"}', /: has no body/],
    [
      'ninjs with a date not on the calendar',
      '{"uri": "u", "headline": "T", "firstcreated": "2025-02-29T09:30:00Z"}',
      /: has the firstcreated "2025-02-29T09:30:00Z", which is not a real date/,
    ],
    ['a DTD with entities', 'fixture:nitf-billion-laughs.xml', /: has a <!DOCTYPE>: DTDs and entities are refused/],
    ['an external entity', 'fixture:nitf-external-entity.xml', /: has a <!DOCTYPE>: DTDs and entities are refused/],
    [
      'NITF over the size limit',
      `<nitf>${' '.repeat(2 * 1024 * 1024)}</nitf>`,
      /: is \d+ bytes, over the 1048576-byte limit/,
    ],
  ];
  for (const [name, input, message] of cases) {
    it(`refuses ${name} in one line, with nothing written or read`, async () => {
      const result = await assertRefusedInOneLine(input, message, FIXTURES);
      assert.doesNotMatch(result.stdout + result.stderr, /HEMMELIGHET|lollol/, 'no entity is expanded or read');
    });
  }
});
