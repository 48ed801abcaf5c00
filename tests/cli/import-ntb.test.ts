import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, open, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../helpers/builds.ts';
import { assertRefusedInOneLine, filesBelow, runImport, temporaryFolder } from '../helpers/import-cli.ts';
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
      await assertRefusedInOneLine(input, message, FIXTURES);
    });
  }

  it('refuses a multi-gigabyte file in one line, without reading it', async () => {
    const contentDir = await temporaryFolder('import');
    // Sparse: 3 GiB long, and no disk used. Reading it whole would fail past 2 GiB.
    const file = join(await temporaryFolder('wire'), 'synthetic-huge.txt');
    await writeFile(file, '');
    await truncate(file, 3 * 2 ** 30);
    const result = await runImport([file], { contentDir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: [^\n]+: is 3221225472 bytes, over the 1048576-byte limit for a wire text\n$/);
    assert.deepEqual(await filesBelow(contentDir), []);
  });

  it('refuses a device or a FIFO given by name, in one line, without waiting on it', async () => {
    const contentDir = await temporaryFolder('import');
    const fifo = join(await temporaryFolder('wire'), 'synthetic-fifo.txt');
    execFileSync('mkfifo', [fifo]);
    for (const input of ['/dev/zero', fifo]) {
      const result = await runImport([input], { contentDir });
      assert.equal(result.code, 1, `${input}: ${result.stderr}`);
      assert.match(
        result.stderr,
        /^error: [^\n]+: is not a regular file: give a wire text file, a folder of them, or - /,
      );
      assert.equal(result.stderr.split('\n').length, 2, 'one line');
    }
    assert.deepEqual(await filesBelow(contentDir), []);
  });

  it('reads standard input only up to the limit, and refuses endless input', async () => {
    const contentDir = await temporaryFolder('import');
    const zero = await open('/dev/zero');
    try {
      const result = await runImport(['-'], { contentDir, stdin: zero.fd });
      assert.equal(result.code, 1);
      assert.equal(result.stderr, 'error: standard input: is over the 1048576-byte limit for a wire text\n');
    } finally {
      await zero.close();
    }
  });

  it('answers a bad command line with the problem and the usage, exit 2', async () => {
    const contentDir = await temporaryFolder('import');
    const cases: Array<[string[], RegExp]> = [
      [[SEED_WIRE_PATH, '--tittel', 'x'], /^error: Unknown option '--tittel'/],
      [[SEED_WIRE_PATH, '--title'], /^error: Option '--title <value>' argument missing/],
      [[], /^error: give one file, folder or - to import\n/],
      [[SEED_WIRE_PATH, SEED_WIRE_PATH], /^error: give one file, folder or - to import, not 2\n/],
    ];
    for (const [args, message] of cases) {
      const result = await runImport(args, { contentDir });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^error: [^\n]+\nusage: npm run import -- <file\|folder\|->[^\n]*\n$/);
    }
    assert.deepEqual(await filesBelow(contentDir), []);
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

  it('never writes two texts to one file in a run: the second is refused, with --force or without', async () => {
    // Same date, same first sentence, so the same derived slug; the second paragraph tells them apart.
    const wireDir = await temporaryFolder('wire');
    const basic = await readFile(join(FIXTURES, 'basic.txt'), 'utf8');
    await writeFile(join(wireDir, 'a-forste.txt'), basic);
    await writeFile(
      join(wireDir, 'b-andre.txt'),
      basic.replace('Et syntetisk avsnitt til.', 'Et annet syntetisk avsnitt.'),
    );
    await cp(join(FIXTURES, 'caption-without-credit.txt'), join(wireDir, 'c-god.txt'));
    const target = 'articles/2025/03/14/syntetisk-ingress-skrevet-for-testene.md';
    for (const flags of [['--force'], []]) {
      const contentDir = await temporaryFolder('import');
      if (flags.length) {
        // --force replaces an article that was there before the run.
        await mkdir(join(contentDir, target, '..'), { recursive: true });
        await writeFile(join(contentDir, target), 'SYNTHETIC: the article before the run');
      }
      const result = await runImport([wireDir, ...flags], { contentDir });
      assert.equal(result.code, 1, `${flags}: ${result.stderr}`);
      assert.match(result.stdout, /imported .*a-forste\.txt → /);
      assert.match(result.stdout, /imported .*c-god\.txt → /);
      const refusals = result.stderr.split('\n').filter((line) => line.startsWith('failed'));
      assert.equal(refusals.length, 1, result.stderr);
      assert.match(
        refusals[0] ?? '',
        /^failed +.*b-andre\.txt: would replace .*syntetisk-ingress-skrevet-for-testene\.md, which this run made from .*a-forste\.txt: give it its own --slug and import it alone$/,
      );
      assert.equal(lastLine(result.stdout), '2 imported, 1 failed');
      const written = await readFile(join(contentDir, target), 'utf8');
      assert.match(written, /Et syntetisk avsnitt til\./, 'the first text is the one kept');
      assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/14/syntetisk-avsnitt.md', target]);
    }
  });

  it('skips what is not a regular file with a note each, never following or reading it', async () => {
    const wireDir = await temporaryFolder('wire');
    await cp(join(FIXTURES, 'basic.txt'), join(wireDir, 'a-god.txt'));
    execFileSync('mkfifo', [join(wireDir, 'fifo.txt')]);
    await symlink('/dev/zero', join(wireDir, 'null-og-null.txt'));
    // A link to a good wire text is not followed either: only what is in the folder is imported.
    await symlink(join(FIXTURES, 'caption-without-credit.txt'), join(wireDir, 'lenke.txt'));
    await mkdir(join(wireDir, 'mappe.txt'));
    await mkdir(join(wireDir, 'gammelt'));
    await cp(join(FIXTURES, 'caption-without-credit.txt'), join(wireDir, 'gammelt/c-god.txt'));
    const contentDir = await temporaryFolder('import');
    const result = await runImport([wireDir], { contentDir });
    assert.equal(result.code, 0, result.stderr);
    const skipped = result.stderr.split('\n').filter((line) => line.startsWith('skipped'));
    assert.deepEqual(
      skipped,
      ['fifo.txt', 'gammelt', 'lenke.txt', 'mappe.txt', 'null-og-null.txt'].map(
        (name) => `skipped  ${join(wireDir, name)}: not a regular file`,
      ),
    );
    assert.equal(lastLine(result.stdout), '1 imported, 0 failed, 5 skipped');
    assert.deepEqual(await filesBelow(contentDir), ['articles/2025/03/14/syntetisk-ingress-skrevet-for-testene.md']);
  });

  it('exits 0 when every file is imported', async () => {
    const wireDir = await temporaryFolder('wire');
    await cp(join(FIXTURES, 'basic.txt'), join(wireDir, 'a.txt'));
    const result = await runImport([wireDir], { contentDir: await temporaryFolder('import') });
    assert.equal(result.code, 0);
    assert.equal(lastLine(result.stdout), '1 imported, 0 failed');
  });
});
