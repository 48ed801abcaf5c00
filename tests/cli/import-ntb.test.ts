import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../helpers/builds.ts';
import { filesBelow, runImport, temporaryFolder } from '../helpers/import-cli.ts';
import { SEED_ARTICLE_PATH, SEED_WIRE_PATH } from '../helpers/seed.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/ntb');
const SEED_FLAGS = [
  '--title',
  'Putin kalte Xi for en «nær venn»',
  '--slug',
  'putin-kalte-xi-for-en-naer-venn',
  '--tags',
  'Russland,Kina',
];
const SEED_TARGET = 'articles/2025/09/02/putin-kalte-xi-for-en-naer-venn.md';

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('npm run import, one file', () => {
  it('writes the article and prints its path last', async () => {
    const contentDir = await temporaryFolder('import');
    const result = await runImport([SEED_WIRE_PATH, ...SEED_FLAGS], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(lastLine(result.stdout), relative(PROJECT_ROOT, join(contentDir, SEED_TARGET)));
    assert.equal(await readFile(join(contentDir, SEED_TARGET), 'utf8'), await readFile(SEED_ARTICLE_PATH, 'utf8'));
    assert.equal(result.stderr, '', 'a headline given with --title is not warned about');
  });

  it('rewrites the committed seed article byte for byte with --force', async () => {
    const contentDir = await temporaryFolder('import');
    await cp(join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
    const result = await runImport([SEED_WIRE_PATH, ...SEED_FLAGS, '--force'], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await readFile(join(contentDir, SEED_TARGET), 'utf8'), await readFile(SEED_ARTICLE_PATH, 'utf8'));
    assert.deepEqual(await filesBelow(contentDir), await filesBelow(join(PROJECT_ROOT, 'content')));
  });

  it('never overwrites an article without --force, and names it', async () => {
    const contentDir = await temporaryFolder('import');
    const target = join(contentDir, SEED_TARGET);
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, 'SYNTHETIC: an editor’s unsaved work');
    const result = await runImport([SEED_WIRE_PATH, ...SEED_FLAGS], { contentDir });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: .*putin-kalte-xi-for-en-naer-venn\.md already exists: pass --force to replace it\n$/,
    );
    assert.equal(await readFile(target, 'utf8'), 'SYNTHETIC: an editor’s unsaved work');
  });

  it('refuses a permalink that another article already has', async () => {
    const contentDir = await temporaryFolder('import');
    const other = join(contentDir, 'articles/2025/09/02/annet-filnavn.md');
    await mkdir(join(other, '..'), { recursive: true });
    await writeFile(
      other,
      '---\n# SYNTHETIC\ntitle: Syntetisk\npublished: 2025-09-02\nsource: NTB\nslug: putin-kalte-xi-for-en-naer-venn\n---\n\nSyntetisk.\n',
    );
    const result = await runImport([SEED_WIRE_PATH, ...SEED_FLAGS], { contentDir });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /the permalink \/2025\/09\/02\/putin-kalte-xi-for-en-naer-venn\/ is already used by .*annet-filnavn\.md/,
    );
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/09/02/annet-filnavn.md']);
  });

  it('prints the markdown and writes nothing with --dry-run', async () => {
    const contentDir = await temporaryFolder('import');
    const result = await runImport([SEED_WIRE_PATH, ...SEED_FLAGS, '--dry-run'], { contentDir });
    assert.equal(result.code, 0);
    assert.equal(result.stdout, await readFile(SEED_ARTICLE_PATH, 'utf8'));
    assert.deepEqual(await filesBelow(contentDir), []);
  });

  it('reads standard input, derives the headline and slug, and warns', async () => {
    const contentDir = await temporaryFolder('import');
    const result = await runImport(['-'], { contentDir, stdin: await readFile(join(FIXTURES, 'basic.txt')) });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /^warning: standard input: no --title given, so the headline was taken from the lede: "Syntetisk ingress, skrevet for testene"/,
    );
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/14/syntetisk-ingress-skrevet-for-testene.md']);
  });

  it('leaves no temporary file behind', async () => {
    const contentDir = await temporaryFolder('import');
    await runImport([join(FIXTURES, 'basic.txt')], { contentDir });
    await runImport([join(FIXTURES, 'basic.txt')], { contentDir });
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/14/syntetisk-ingress-skrevet-for-testene.md']);
  });

  it('lets only one of two imports started at once write the same article', async () => {
    const contentDir = await temporaryFolder('import');
    const results = await Promise.all([1, 2].map(() => runImport([join(FIXTURES, 'basic.txt')], { contentDir })));
    assert.deepEqual(results.map((result) => result.code).sort(), [0, 1]);
    const refused = results.find((result) => result.code === 1);
    assert.match(refused?.stderr ?? '', /already exists|already used/);
    const written = await readFile(
      join(contentDir, 'articles/2025/03/14/syntetisk-ingress-skrevet-for-testene.md'),
      'utf8',
    );
    assert.equal(written, (await runImport([join(FIXTURES, 'basic.txt'), '--dry-run'], { contentDir })).stdout);
  });
});

describe('npm run import, bad input', () => {
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ['an empty file', '', /: is empty/],
    ['no date line', 'fixture:no-date.txt', /no-date\.txt:1: does not start with a date line/],
    [
      'an impossible date',
      'fixture:impossible-date.txt',
      /impossible-date\.txt:1: has the date 2025-02-30, which is not a real date/,
    ],
    ['invalid UTF-8', new Uint8Array([0x64, 0x61, 0x74, 0x65, 0x20, 0xc3, 0x28]), /: is not UTF-8 text/],
    [
      'binary input',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /: is not UTF-8 text|: has control characters/,
    ],
    ['a body with no paragraphs', 'fixture:no-paragraphs.txt', /no-paragraphs\.txt:1: has no paragraphs/],
    [
      'a file over the size limit',
      new Uint8Array(2 * 1024 * 1024).fill(0x61),
      /: is 2097152 bytes, over the 1048576-byte limit/,
    ],
  ];
  for (const [name, input, message] of cases) {
    it(`refuses ${name} in one line, with no file written`, async () => {
      const contentDir = await temporaryFolder('import');
      let file: string;
      if (typeof input === 'string' && input.startsWith('fixture:')) {
        file = join(FIXTURES, input.slice('fixture:'.length));
      } else {
        file = join(await temporaryFolder('wire'), 'synthetic-input.txt');
        await writeFile(file, input);
      }
      const result = await runImport([file], { contentDir });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^error: [^\n]+\n$/, 'one line on standard error');
      assert.match(result.stderr, message);
      assert.deepEqual(await filesBelow(contentDir), []);
    });
  }

  it('refuses an unknown flag and a missing input with usage', async () => {
    const contentDir = await temporaryFolder('import');
    const unknown = await runImport([SEED_WIRE_PATH, '--tittel', 'x'], { contentDir });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^error: Unknown option '--tittel'/);
    const missing = await runImport([], { contentDir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^error: usage: npm run import -- <file\|folder\|->/);
  });
});

describe('npm run import, a folder', () => {
  it('imports every .txt, reports each, and fails when one fails', async () => {
    const wireDir = await temporaryFolder('wire');
    await cp(join(FIXTURES, 'basic.txt'), join(wireDir, 'a-god.txt'));
    await cp(join(FIXTURES, 'impossible-date.txt'), join(wireDir, 'b-umulig-dato.txt'));
    await cp(join(FIXTURES, 'caption-without-credit.txt'), join(wireDir, 'c-god.txt'));
    await writeFile(join(wireDir, 'ikke-wire.md'), 'ignored: not a .txt');
    const contentDir = await temporaryFolder('import');
    const result = await runImport([wireDir], { contentDir });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /imported .*a-god\.txt → .*syntetisk-ingress-skrevet-for-testene\.md/);
    assert.match(result.stdout, /imported .*c-god\.txt → .*syntetisk-avsnitt\.md/);
    assert.match(result.stderr, /failed +.*b-umulig-dato\.txt:1: has the date 2025-02-30/);
    assert.equal(lastLine(result.stdout), '2 imported, 1 failed');
    assert.deepEqual(await filesBelow(contentDir), [
      'articles/2025/03/14/syntetisk-avsnitt.md',
      'articles/2025/03/14/syntetisk-ingress-skrevet-for-testene.md',
    ]);
  });

  it('exits 0 when every file is imported', async () => {
    const wireDir = await temporaryFolder('wire');
    await cp(join(FIXTURES, 'basic.txt'), join(wireDir, 'a.txt'));
    const result = await runImport([wireDir], { contentDir: await temporaryFolder('import') });
    assert.equal(result.code, 0);
    assert.equal(lastLine(result.stdout), '1 imported, 0 failed');
  });
});
