import assert from 'node:assert/strict';
import fsPromises, { utimes, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename, join } from 'node:path';
import { before, describe, it, mock } from 'node:test';
import { checkFrontmatter } from '../../src/content/check.ts';
import { type FileStatus, FrontmatterCache } from '../../src/content/frontmatter-cache.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { article, contentFolder, VALID } from '../helpers/content-folder.ts';

/** Synthetic articles, among them each kind of problem a frontmatter can have alone or beside another. */
const FILES = {
  'articles/2025/09/02/gyldig.md': article(`${VALID}\nslug: gyldig\ntags: [Kina]\nupdated: 2025-09-03T10:15`),
  // YAML reads .inf as Infinity, which JSON would keep as null: the message must stay "must be text".
  'articles/2025/09/02/uendelig.md': article('title: .inf\npublished: 2025-09-02\nsource: NTB'),
  'articles/2025/09/02/usynlig.md': article(`${VALID}\nslug: usynlig\nbyline: Syntetisk\u200bNavn`),
  // Two articles with one permalink: the second's line is found again, from the file, when it is cached.
  'articles/2025/09/02/andre.md': article(`${VALID}\nslug: samme`),
  'articles/2025/09/02/forste.md': article(`title: Syntetisk\n\nslug: samme\npublished: 2025-09-02\nsource: NTB`),
  'articles/2025/09/02/uten-foto.md': article(
    `${VALID}\nslug: uten-foto\nphoto:\n  src: ./finnes-ikke.jpg\n  alt: Syntetisk\n  caption: Syntetisk.`,
  ),
  'articles/2025/09/02/ingen.md': 'Ingen frontmatter.\n',
};

let root: string;
const pass = async (frontmatterCache?: FrontmatterCache) => {
  const report = await checkFrontmatter(root, { cwd: root, now: new Date('2025-09-04'), frontmatterCache });
  return {
    lines: report.problems.map(formatProblem),
    articles: report.articles.map(({ file, data, frontmatter, permalink }) => ({ file, data, frontmatter, permalink })),
  };
};
const VERSION = { code: 'kode 1', day: '2025-09-04' };

before(async () => {
  root = await contentFolder(FILES);
});

describe('the frontmatter cache', () => {
  it('gives the frontmatter pass the same articles and problems, on the lines they are on, cold and kept', async () => {
    const uncached = await pass();
    assert.ok(uncached.lines.length >= 5, uncached.lines.join('\n'));
    assert.ok(
      uncached.lines.some((line) => line.startsWith('articles/2025/09/02/forste.md:4: slug:')),
      uncached.lines.join('\n'),
    );
    const file = join(root, 'cache.bin');
    for (const round of ['cold', 'kept']) {
      const cache = await FrontmatterCache.open(file, VERSION);
      assert.deepEqual(await pass(cache), uncached, round);
    }
  });

  it('reads a file again only when its text changed, and drops the articles that are gone', async () => {
    const file = join(root, 'reads.bin');
    const reads: string[] = [];
    const reading = async (entries: Array<[string, string]>, version = VERSION) => {
      const cache = await FrontmatterCache.open(file, version);
      for (const [name, source] of entries) {
        cache.reading(name, source, () => {
          reads.push(name);
          return { frontmatter: { source }, problems: [] };
        });
      }
      cache.save();
    };
    await reading([
      ['a.md', 'en'],
      ['b.md', 'to'],
    ]);
    await reading([
      ['a.md', 'en'],
      ['b.md', 'to, rettet'],
    ]);
    await reading([['a.md', 'en']]);
    await reading([['b.md', 'to, rettet']]);
    assert.deepEqual(reads, ['a.md', 'b.md', 'b.md', 'b.md']);
    await reading([['a.md', 'en']], { ...VERSION, day: '2025-09-05' });
    await reading([['a.md', 'en']], { ...VERSION, code: 'kode 2' });
    assert.deepEqual(reads.slice(4), ['a.md', 'a.md'], 'another day, or other code, reads every file again');
    await writeFile(file, 'ikke en cache');
    await reading([['a.md', 'en']], { ...VERSION, code: 'kode 2' });
    assert.deepEqual(reads.slice(6), ['a.md'], 'a damaged cache is read as empty');
  });

  it('trusts a file by its status only once it has not changed for a while before it was read', async () => {
    const file = join(root, 'status.bin');
    const reading = { frontmatter: { title: 'Syntetisk' }, problems: [] };
    const readAt = new Date('2025-09-04T12:00:00Z');
    const status: FileStatus = {
      size: 100,
      mtimeMs: readAt.getTime() - 60_000,
      ctimeMs: readAt.getTime() - 60_000,
      ino: 7,
    };
    const first = await FrontmatterCache.open(file, VERSION);
    first.reading('a.md', 'nøkkel-a', () => reading, { status, at: readAt });
    // Read within two seconds of its last change: the same time can hide a second change of the same size.
    first.reading('b.md', 'nøkkel-b', () => reading, {
      status: { ...status, mtimeMs: readAt.getTime() - 1500 },
      at: readAt,
    });
    first.save();
    const kept = await FrontmatterCache.open(file, VERSION);
    assert.deepEqual(kept.unchanged('a.md', status), { key: 'nøkkel-a', reading });
    assert.equal(kept.unchanged('b.md', { ...status, mtimeMs: readAt.getTime() - 1500 }), undefined);
    for (const changed of [
      { size: 101 },
      { mtimeMs: status.mtimeMs + 1 },
      { ctimeMs: status.ctimeMs + 1 },
      { ino: 8 },
    ]) {
      assert.equal(kept.unchanged('a.md', { ...status, ...changed }), undefined, JSON.stringify(changed));
    }
    assert.equal(kept.unchanged('c.md', status), undefined, 'a file never read');
    kept.save();
    const next = await FrontmatterCache.open(file, VERSION);
    assert.deepEqual(
      next.unchanged('a.md', status),
      { key: 'nøkkel-a', reading },
      'a file found unchanged stays known',
    );
    assert.equal(next.unchanged('b.md', status), undefined, 'a file neither read nor found is dropped');
  });

  it('lets a build pass leave unread the articles unchanged since the last, with the same readings and digests', async () => {
    const folder = await contentFolder({
      'articles/2025/09/02/eldre.md': article(`${VALID}\nslug: eldre`),
      'articles/2025/09/02/endret.md': article(`${VALID}\nslug: endret`),
    });
    const settled = new Date(Date.now() - 60_000);
    for (const name of ['eldre', 'endret'])
      await utimes(join(folder, `articles/2025/09/02/${name}.md`), settled, settled);
    const file = join(folder, 'cache.bin');
    const reads: string[] = [];
    const original = fsPromises.readFile;
    const spy = mock.method(fsPromises, 'readFile', ((path: string, ...rest: []) => {
      if (String(path).endsWith('.md')) reads.push(basename(String(path)));
      return original(path, ...rest);
    }) as typeof original);
    syncBuiltinESMExports();
    try {
      const passOver = async () => {
        const cache = await FrontmatterCache.open(file, VERSION);
        const { articles, problems } = await checkFrontmatter(folder, { cwd: folder, frontmatterCache: cache });
        return {
          problems,
          articles: articles.map(({ file, frontmatter, data, digest }) => ({ file, frontmatter, data, digest })),
        };
      };
      const cold = await passOver();
      assert.deepEqual(reads.splice(0).sort(), ['eldre.md', 'endret.md']);
      await writeFile(
        join(folder, 'articles/2025/09/02/endret.md'),
        article(`${VALID}\nslug: endret\nbyline: Syntetisk`),
      );
      const kept = await passOver();
      assert.deepEqual(reads.splice(0), ['endret.md'], 'only the changed file is read');
      assert.deepEqual(kept.articles[0], cold.articles[0], 'the unread article is as it was read');
      assert.notEqual(kept.articles[1]?.digest, cold.articles[1]?.digest, 'the changed article has a new digest');
      await passOver();
      assert.deepEqual(reads.splice(0), ['endret.md'], 'a file changed just before it was read is read once more');
    } finally {
      spy.mock.restore();
      syncBuiltinESMExports();
    }
  });
});
