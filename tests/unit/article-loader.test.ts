import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { readBody } from '../../src/content/article-bodies.ts';
import { checkContent, checkFrontmatter, frontmatterReportOf } from '../../src/content/check.ts';
import { codeDigest, moduleFiles } from '../../src/content/code-digest.ts';
import { articleLoader, STORE_CODE } from '../../src/content/loader.ts';
import { ContentError, formatProblem, isError } from '../../src/content/problems.ts';
import { createArticleRenderer } from '../../src/markdown/index.ts';
import { article, contentFolder, VALID } from '../helpers/content-folder.ts';
import { randomContentFolder } from '../helpers/random-articles.ts';

const render = await createArticleRenderer({ base: '/' });

type StoredEntry = { id: string; digest?: string; rendered?: { html: string; metadata?: Record<string, unknown> } };

/** A loader context as Astro makes one for a build, with a store that lives as long as the test wants. */
function loaderContext(root: string, store = new Map<string, StoredEntry>(), meta = new Map<string, string>()) {
  const rendered: string[] = [];
  const warnings: string[] = [];
  const context = {
    collection: 'articles',
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/cache/`) },
    store: {
      get: (id: string) => store.get(id),
      // As Astro's store: an entry with the digest of the one stored is not stored.
      set: (entry: StoredEntry) => {
        if (entry.digest && store.get(entry.id)?.digest === entry.digest) return false;
        store.set(entry.id, entry);
        return true;
      },
      keys: () => [...store.keys()],
      delete: (id: string) => store.delete(id),
      clear: () => store.clear(),
    },
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => meta.set(key, value) },
    logger: { warn: (line: string) => warnings.push(line), info: () => {}, error: () => {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    renderMarkdown: (source: string, options: { fileURL: URL }) => {
      rendered.push(options.fileURL.pathname);
      return render(source, options);
    },
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
  };
  return { context: context as unknown as LoaderContext, store, meta, rendered, warnings };
}

/** The body the loader rendered for an entry, from the file it keeps it in. */
function bodyOf(store: Map<string, StoredEntry>, id: string): string {
  return readBody(store.get(id)?.rendered?.metadata?.bodyFile as string).html;
}

async function load(root: string, context: LoaderContext) {
  const report = frontmatterReportOf(await checkFrontmatter(root));
  await articleLoader({ contentDir: root, report }).load(context);
}

describe('articleLoader', () => {
  it('stores every article with its rendered body, by its path below articles/', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/a.md': article(VALID, '## Bakgrunn\n\nTekst.\n') });
    const { context, store } = loaderContext(root);
    await load(root, context);
    assert.match(bodyOf(store, '2025/09/02/a'), /<h2 id="bakgrunn">Bakgrunn<\/h2>/);
    assert.equal(store.get('2025/09/02/a')?.rendered?.html, '', 'the content store holds no body');
    const metadata = store.get('2025/09/02/a')?.rendered?.metadata ?? {};
    assert.deepEqual(
      Object.keys(metadata).sort(),
      ['bodyFile', 'bodyLineOffset', 'frontmatter'],
      'nor headings, nor the empty lists and signature of photos it does not have',
    );
    assert.deepEqual(readBody(metadata.bodyFile as string).headings, [
      { depth: 2, slug: 'bakgrunn', text: 'Bakgrunn' },
    ]);
    assert.deepEqual(
      Object.keys(metadata.frontmatter as Record<string, unknown>).sort(),
      ['bodyReport', 'readingMinutes'],
      'nor the frontmatter again',
    );
  });

  it('refuses with every problem at once, in the lines npm run check prints', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(VALID, 'Se [b](/2025/09/02/b/#nei).\n\n<script>x()</script>\n'),
      'articles/2025/09/02/b.md': article('title: B\npublished: 2025-02-30\nsource: NTB', '![x](./borte.png)\n'),
    });
    const { context, store } = loaderContext(root);
    const refusal = await load(root, context).then(
      () => assert.fail('the load went through'),
      (error: unknown) => error,
    );
    assert.ok(refusal instanceof ContentError);
    assert.equal(refusal.stack, '', 'an editor is shown no stack');
    const checked = (await checkContent(root, render)).problems.map(formatProblem);
    assert.equal(checked.length, 4);
    assert.deepEqual(refusal.message.split('\n').slice(1), checked);
    assert.ok(!store.has('2025/09/02/b'), 'an article with bad frontmatter is not stored');
  });

  it('renders only what changed on a second load, and still warns of what it kept', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(VALID, '## Like\n\nTekst.\n\n## Like\n'),
      'articles/2025/09/02/b.md': article(VALID),
    });
    const first = loaderContext(root);
    await load(root, first.context);
    assert.equal(first.rendered.length, 2);
    await writeFile(join(root, 'articles/2025/09/02/b.md'), article(VALID, 'Endret syntetisk tekst.\n'));
    const second = loaderContext(root, first.store, first.meta);
    await load(root, second.context);
    assert.deepEqual(second.rendered, [join(root, 'articles/2025/09/02/b.md')]);
    assert.equal(second.warnings.length, 1);
    assert.match(second.warnings[0] ?? '', /a\.md:11: body: warning: the heading «Like» gets the id #like-1/);
  });

  it('takes the digest of an article from the frontmatter pass, and reads only the files whose digest changed', async () => {
    const path = 'articles/2025/09/02/a.md';
    const root = await contentFolder({ [path]: article(VALID, 'Første syntetiske tekst.\n') });
    const first = loaderContext(root);
    await load(root, first.context);
    const passed = frontmatterReportOf(await checkFrontmatter(root));
    await writeFile(join(root, path), article(VALID, 'Andre syntetiske tekst.\n'));
    const second = loaderContext(root, first.store, first.meta);
    await articleLoader({ contentDir: root, report: passed }).load(second.context);
    assert.deepEqual(second.rendered, [], 'the digest the pass gave is the stored one: the file is left unread');
    assert.match(bodyOf(first.store, '2025/09/02/a'), /Første/);
  });

  it('stores the digest of the text it rendered, which an editor may have saved after the frontmatter pass', async () => {
    const path = 'articles/2025/09/02/a.md';
    const root = await contentFolder({ [path]: article(VALID, 'Første syntetiske tekst.\n') });
    const passed = frontmatterReportOf(await checkFrontmatter(root));
    await writeFile(join(root, path), article(VALID, 'Andre syntetiske tekst.\n'));
    const first = loaderContext(root);
    await articleLoader({ contentDir: root, report: passed }).load(first.context);
    assert.match(bodyOf(first.store, '2025/09/02/a'), /Andre/);
    await writeFile(join(root, path), article(VALID, 'Første syntetiske tekst.\n'));
    const second = loaderContext(root, first.store, first.meta);
    await load(root, second.context);
    assert.equal(second.rendered.length, 1, 'the first text, saved again, is rendered again');
    assert.match(bodyOf(first.store, '2025/09/02/a'), /Første/);
  });

  it('keeps one file for the bodies of articles that render the same, loaded at once', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [`articles/2025/09/02/sak-${index}.md`, article(VALID)]),
    );
    const root = await contentFolder(files);
    const { context, store } = loaderContext(root);
    await load(root, context);
    assert.equal(store.size, 12);
    assert.deepEqual(readdirSync(join(root, 'cache/article-bodies')).length, 1);
  });

  it('replaces a stored entry it cannot keep, though Astro keeps one with the same digest', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/a.md': article(VALID, 'Syntetisk tekst.\n') });
    const { digest } = frontmatterReportOf(await checkFrontmatter(root)).articles[0] ?? {};
    // As an earlier version of the loader stored it: the body in the store.
    const older = { id: '2025/09/02/a', digest, rendered: { html: '<p>Syntetisk tekst.</p>', metadata: {} } };
    const meta = new Map([['code-digest', await codeDigest(STORE_CODE)]]);
    const { context, store, rendered } = loaderContext(root, new Map([[older.id, older]]), meta);
    await load(root, context);
    assert.equal(rendered.length, 1);
    assert.match(bodyOf(store, '2025/09/02/a'), /Syntetisk tekst/);
  });

  it('renders an unchanged article again when its body’s file is gone, and removes the bodies no article shows', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(VALID, 'Første syntetiske tekst.\n'),
      'articles/2025/09/02/b.md': article(VALID, 'Andre syntetiske tekst.\n'),
    });
    const first = loaderContext(root);
    await load(root, first.context);
    await rm(first.store.get('2025/09/02/a')?.rendered?.metadata?.bodyFile as string);
    await writeFile(join(root, 'articles/2025/09/02/b.md'), article(VALID, 'Rettet syntetisk tekst.\n'));
    const second = loaderContext(root, first.store, first.meta);
    await load(root, second.context);
    assert.equal(second.rendered.length, 2);
    assert.match(bodyOf(first.store, '2025/09/02/a'), /Første/);
    assert.equal(readdirSync(join(root, 'cache/article-bodies')).length, 2, 'the first text of b is removed');
  });

  it('renders an unchanged article again when a photo beside it has changed, and names what is wrong', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/a.md': article(VALID, '![Syntetisk](./foto.png)\n') });
    await copyFile(
      'tests/fixtures/content/articles/2025/01/15/testbilde.png',
      join(root, 'articles/2025/09/02/foto.png'),
    );
    const first = loaderContext(root);
    await load(root, first.context);
    await writeFile(join(root, 'articles/2025/09/02/foto.png'), 'syntetisk tekst, ikke et bilde');
    const second = loaderContext(root, first.store, first.meta);
    await assert.rejects(
      load(root, second.context),
      /a\.md:7: body: shows the photo "\.\/foto\.png", which is not a JPEG/,
    );
  });

  it('counts itself among the code whose output the store keeps, as it gives the store its form', async () => {
    const files = (await moduleFiles(STORE_CODE)).map((file) => relative(process.cwd(), file));
    for (const file of ['src/content/loader.ts', 'src/content/article-bodies.ts', 'src/markdown/index.ts']) {
      assert.ok(files.includes(file), file);
    }
  });

  it('renders everything again when the code that renders has changed, and forgets removed articles', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/a.md': article(VALID) });
    const store = new Map<string, StoredEntry>([['2024/01/01/borte', { id: '2024/01/01/borte' }]]);
    const { context, rendered } = loaderContext(root, store, new Map([['code-digest', 'older code']]));
    await load(root, context);
    assert.equal(rendered.length, 1);
    assert.deepEqual([...store.keys()], ['2025/09/02/a']);
  });
});

describe('articleLoader and npm run check, on random articles', () => {
  it('agree: the load fails with the very lines the check names as errors, or both pass', async () => {
    await fc.assert(
      fc.asyncProperty(randomContentFolder, async (files) => {
        const root = await contentFolder(files);
        const checked = (await checkContent(root, render)).problems.filter(isError).map(formatProblem);
        const loaded = await load(root, loaderContext(root).context).then(
          () => [],
          (error: unknown) => {
            assert.ok(error instanceof ContentError, String(error));
            return error.message.split('\n').slice(1);
          },
        );
        assert.deepEqual(loaded, checked);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  });
});
