import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { checkFrontmatter } from '../../src/content/check.ts';
import { FrontmatterCache } from '../../src/content/frontmatter-cache.ts';
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
      await cache.save();
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
});
