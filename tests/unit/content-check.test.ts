import assert from 'node:assert/strict';
import { readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkContent, checkFrontmatter } from '../../src/content/check.ts';
import { readFrontmatter } from '../../src/content/frontmatter.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { redirectsOf } from '../../src/content/redirects.ts';
import { createArticleRenderer } from '../../src/markdown/index.ts';
import { article, contentFolder, VALID } from '../helpers/content-folder.ts';

const render = await createArticleRenderer({ base: '/' });

describe('readFrontmatter', () => {
  it('passes a valid article and keeps dates as written', () => {
    const { article: checked, problems } = readFrontmatter('a.md', article(VALID));
    assert.deepEqual(problems, []);
    assert.equal(checked.frontmatter.published, '2025-09-02');
    assert.equal(checked.data?.title, 'Syntetisk');
  });
  it('names the line of a bad field', () => {
    const { problems } = readFrontmatter('a.md', article('title: Syntetisk\npublished: 2025-02-30\nsource: NTB'));
    assert.deepEqual(problems.map(formatProblem), [
      'a.md:3: published: "2025-02-30" is not a real date: write it like 2025-09-02 or 2025-09-02T14:30 (Oslo time)',
    ]);
  });
  it('names the line of a nested field and of an unknown field', () => {
    const source = article(`${VALID}\nphoto:\n  caption: ""\nforfatter: X`);
    const lines = readFrontmatter('a.md', source).problems.map((problem) => `${problem.line} ${problem.field}`);
    assert.deepEqual(lines.sort(), ['6 photo.caption', '7 forfatter']);
  });
  it('reports a file without frontmatter and broken YAML', () => {
    assert.equal(readFrontmatter('a.md', 'Bare tekst.').problems[0]?.field, 'frontmatter');
    const broken = readFrontmatter('a.md', article('title: [uavsluttet\npublished: 2025-09-02')).problems[0];
    assert.equal(broken?.field, 'frontmatter');
    assert.match(broken?.message ?? '', /is not valid YAML/);
  });
  it('reads CRLF line endings and a byte-order mark', () => {
    const source = `\uFEFF${article(VALID)}`.replaceAll('\n', '\r\n');
    assert.deepEqual(readFrontmatter('a.md', source).problems, []);
  });
});

describe('checkContent', () => {
  it('skips files and folders whose names start with a dot, as Astro does', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/synlig.md': article(VALID),
      'articles/2025/09/02/.utkast.md': article('title: Uferdig'),
      'articles/.arkivert/2025/09/02/gammel.md': article('title: Gammel'),
    });
    const report = await checkContent(root, render, { cwd: root });
    assert.deepEqual(
      report.articles.map((checked) => checked.file),
      ['articles/2025/09/02/synlig.md'],
    );
    assert.deepEqual(report.problems, []);
  });

  it('reports every problem in the folder at once, with file and field', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/uten-tittel.md': article('published: 2025-09-02\nsource: NTB'),
      'articles/2025/09/02/umulig-dato.md': article('title: X\npublished: 2025-02-30\nsource: NTB'),
      'articles/2025/09/02/mangler-bilde.md': article(
        `${VALID}\nphoto:\n  src: ./borte.jpg\n  alt: Alt\n  caption: Tekst`,
      ),
      'articles/2025/09/02/bilde-i-teksten.md': article(
        VALID.replace('Syntetisk', 'Y'),
        'Tekst.\n\n![Alt](./borte.png)\n',
      ),
    });
    const { problems } = await checkContent(root, render, { cwd: root });
    assert.deepEqual(problems.map(formatProblem).sort(), [
      'articles/2025/09/02/bilde-i-teksten.md:9: body: shows the photo "./borte.png", which does not exist: put the photo next to the article or fix the path',
      'articles/2025/09/02/mangler-bilde.md:6: photo.src: names "./borte.jpg", which does not exist: put the photo next to the article or fix the path',
      'articles/2025/09/02/umulig-dato.md:3: published: "2025-02-30" is not a real date: write it like 2025-09-02 or 2025-09-02T14:30 (Oslo time)',
      'articles/2025/09/02/uten-tittel.md: title: is missing: add the headline',
    ]);
  });
  it('refuses two articles with the same permalink, naming both', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/forste.md': article(`${VALID}\nslug: samme`),
      'articles/2025/09/02/andre.md': article(`${VALID}\nslug: samme`),
    });
    const { problems } = await checkContent(root, render, { cwd: root });
    assert.equal(problems.length, 1);
    assert.equal(
      formatProblem(problems[0]!),
      'articles/2025/09/02/forste.md:5: slug: gives the permalink /2025/09/02/samme/, which articles/2025/09/02/andre.md already has: give one of them another slug',
    );
  });
  it('gives each valid article its permalink', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/Møte i Beijing.md': article(VALID) });
    const { articles, problems } = await checkContent(root, render, { cwd: root });
    assert.deepEqual(problems, []);
    assert.equal(articles[0]?.permalink, '/2025/09/02/mote-i-beijing/');
  });
  it('says so when the folder has no articles/, rather than building an empty site', async () => {
    const { articles, problems } = await checkContent('/finnes/ikke', render, { cwd: '/' });
    assert.deepEqual(articles, []);
    assert.deepEqual(problems.map(formatProblem), [
      'finnes/ikke: articles: is not there: set CONTENT_DIR to the folder that holds articles/, or put the articles in it',
    ]);
  });
});

describe('checkContent, permalinks that were published', () => {
  it('fails when a permalink in permalinks.lock no longer resolves, naming its line', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/ny.md': article(VALID),
      'permalinks.lock': '/2025/09/02/ny/\n/2025/09/02/gammel/\n',
    });
    const { problems } = await checkContent(root, render, { cwd: root });
    assert.deepEqual(problems.map(formatProblem), [
      'permalinks.lock:2: permalink: /2025/09/02/gammel/ was published and no longer resolves: restore the article, or add /2025/09/02/gammel/ to redirectFrom in the article that replaces it',
    ]);
  });
  it('passes when the article that replaces it redirects from it', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/ny.md': article(`${VALID}\nredirectFrom:\n  - /2025/09/02/gammel/`),
      'permalinks.lock': '/2025/09/02/gammel/\n/2025/09/02/ny/\n',
    });
    const report = await checkContent(root, render, { cwd: root });
    assert.deepEqual(report.problems, []);
    assert.deepEqual(redirectsOf(report.articles), [{ from: '/2025/09/02/gammel/', to: '/2025/09/02/ny/' }]);
  });
  it('refuses a redirect from a live page, and the same redirect in two articles', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(`${VALID}\nredirectFrom:\n  - /2025/09/02/b/\n  - /gammel/`),
      'articles/2025/09/02/b.md': article(`${VALID}\nredirectFrom:\n  - /gammel/`),
    });
    const { problems } = await checkContent(root, render, { cwd: root });
    assert.deepEqual(problems.map((problem) => `${problem.file} ${problem.field}`).sort(), [
      'articles/2025/09/02/a.md redirectFrom.0',
      'articles/2025/09/02/b.md redirectFrom.0',
    ]);
  });
});

describe('checkContent, links in the bodies', () => {
  it('accepts links to sections as the page ids them, inline HTML and footnotes included', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(
        VALID,
        'Se [EU](#kina-og-eu), [b](/2025/09/02/b/#bakgrunn) og fotnoten.[^1]\n\n## Kina og <abbr title="Den europeiske union">EU</abbr>\n\n[^1]: Syntetisk fotnote.\n',
      ),
      'articles/2025/09/02/b.md': article(VALID, '## Bakgrunn\n\nTekst.\n'),
    });
    assert.deepEqual((await checkContent(root, render, { cwd: root })).problems, []);
  });
  it('names the line of a link to a section or an article that does not exist, and of a malformed one', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(
        VALID,
        'Se [punktet](#50%).\n\n[Borte](/2025/01/01/borte/).\n\n[Galt](/2025/09/02/b/#nei).\n',
      ),
      'articles/2025/09/02/b.md': article(VALID, '## Bakgrunn\n\nTekst.\n'),
    });
    assert.deepEqual((await checkContent(root, render, { cwd: root })).problems.map(formatProblem), [
      'articles/2025/09/02/a.md:7: body: links to #50%25, a section that does not exist: link to the article itself',
      'articles/2025/09/02/a.md:9: body: links to /2025/01/01/borte/, an article that does not exist: fix the link or remove it',
      'articles/2025/09/02/a.md:11: body: links to /2025/09/02/b/#nei, a section that does not exist: link to one of #bakgrunn',
    ]);
  });
  it("names the line of a photo outside the article's folder, in the frontmatter and in the body", async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(
        `${VALID}\nphoto:\n  src: ../../../../utenfor.png\n  alt: Alt\n  caption: Tekst`,
        'Tekst.\n\n![Alt](../../../../utenfor.png)\n',
      ),
      'utenfor.png': 'syntetisk',
    });
    assert.deepEqual((await checkContent(root, render, { cwd: root })).problems.map(formatProblem), [
      'articles/2025/09/02/a.md:6: photo.src: names "../../../../utenfor.png", which is outside the article\'s folder: put the photo next to the article',
      'articles/2025/09/02/a.md:13: body: shows the photo "../../../../utenfor.png", which is outside the article\'s folder: put the photo next to the article',
    ]);
  });
});

describe('checkFrontmatter', () => {
  it("reads the frontmatter and not the bodies: a body problem is the pipeline's to find", async () => {
    const root = await contentFolder({ 'articles/2025/09/02/a.md': article(VALID, '<script>x()</script>\n') });
    const report = await checkFrontmatter(root, { cwd: root });
    assert.deepEqual(report.problems, []);
    assert.equal(report.articles[0]?.permalink, '/2025/09/02/a/');
  });
  it('refuses a redirect from a page the site makes itself, naming its line', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(`${VALID}\nredirectFrom:\n  - /sok/\n  - /2025/09/`),
    });
    assert.deepEqual((await checkFrontmatter(root, { cwd: root })).problems.map(formatProblem), [
      "articles/2025/09/02/a.md:6: redirectFrom.0: is /sok/, a page the site makes itself: only an old article's permalink can redirect",
      "articles/2025/09/02/a.md:7: redirectFrom.1: is /2025/09/, a page the site makes itself: only an old article's permalink can redirect",
    ]);
  });
  it('refuses a file name with no letters for a permalink, when there is no slug', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/日本.md': article(VALID) });
    assert.deepEqual(
      (await checkFrontmatter(root, { cwd: root })).problems.map(({ field }) => field),
      ['slug'],
    );
  });
});

describe('readFrontmatter, invisible characters', () => {
  it('names a bidirectional override, a zero-width space and a control character, each at its line', () => {
    const source = article(
      'title: "Syntetisk \u202Eoverskrift"\npublished: 2025-09-02\nsource: NTB\ntags:\n  - "Ki\u200Bna"\nlede: "Syntetisk\u0007"',
    );
    assert.deepEqual(
      readFrontmatter('a.md', source).problems.map(formatProblem),
      ['U+202E', 'U+200B', 'U+0007'].map(
        (character, index) =>
          `a.md:${[2, 6, 7][index]}: ${['title', 'tags.0', 'lede'][index]}: has the invisible character ${character}, which can change how the text reads or where its words break: remove it`,
      ),
    );
  });
  it('lets emoji sequences keep their zero-width joiners', () => {
    assert.deepEqual(
      readFrontmatter('a.md', article('title: "Familie 👨\u200D👩\u200D👧"\npublished: 2025-09-02\nsource: NTB'))
        .problems,
      [],
    );
  });
});

describe('checkContent, files that are not UTF-8', () => {
  it('names the first line that is not, and reads nothing else of the file', async () => {
    const root = await contentFolder({ 'articles/2025/09/02/a.md': article(VALID, 'Tekst.\n') });
    const path = join(root, 'articles/2025/09/02/latin1.md');
    await writeFile(
      path,
      Buffer.concat([Buffer.from(article(VALID, 'Bl')), Buffer.from([0xe5]), Buffer.from('b\u00e6r.\n')]),
    );
    assert.deepEqual((await checkContent(root, render, { cwd: root })).problems.map(formatProblem), [
      'articles/2025/09/02/latin1.md:7: encoding: is not UTF-8 text: save the file as UTF-8, and check its letters after',
    ]);
  });
});

describe('checkContent, what passed the check and then stopped Astro', () => {
  it('names a YAML tag that Astro cannot read, at its line, even beside a warning', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article('title: !foo Syntetisk\npublished: 2027-01-15T10:00\nsource: NTB'),
    });
    const lines = (await checkContent(root, render, { cwd: root })).problems.map(formatProblem);
    assert.equal(
      lines.filter((line) => line.startsWith('articles/2025/09/02/a.md:2: frontmatter: is not valid YAML')).length,
      1,
      lines.join('\n'),
    );
  });
  it("gives the line of a frontmatter Astro's YAML reader refuses, from where it says", async () => {
    const root = await contentFolder({ 'articles/2025/09/02/a.md': article(VALID) });
    const refuses = async () => {
      throw Object.assign(new Error('syntetisk'), {
        name: 'YAMLException',
        reason: 'syntetisk grunn',
        mark: { line: 2 },
      });
    };
    assert.deepEqual((await checkContent(root, refuses, { cwd: root })).problems.map(formatProblem), [
      'articles/2025/09/02/a.md:3: frontmatter: is not YAML that Astro can read: syntetisk grunn',
    ]);
  });
  it('names a file with % or ? in its path, and skips a folder named like an article', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/50%.md': article(VALID),
      'articles/2025/09/02/mappe.md/x.txt': 'syntetisk',
    });
    assert.deepEqual((await checkContent(root, render, { cwd: root })).problems.map(formatProblem), [
      'articles/2025/09/02/50%.md: file: has a % or ? in its name or folder, which Astro reads as part of an address: rename it',
    ]);
  });
  it('names a lead photo path with %, ? or #, which Astro reads as an address', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(`${VALID}\nphoto:\n  src: ./foto?2.png\n  alt: Alt\n  caption: Tekst`),
    });
    assert.match(
      (await checkContent(root, render, { cwd: root })).problems.map(formatProblem).join('\n'),
      /a\.md:6: photo\.src: names "\.\/foto\?2\.png", which has a %, \? or # in it/,
    );
  });
  it('resolves links to the pages the site makes, with a query or without a trailing slash, and names the rest', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(
        `${VALID}\ntags: [Kina]`,
        '[a](/emne/kina/) [b](/2025/09/) [c](/2025/09/02/a?q=1) [d](/side/2/) [e](/sok/?q=x)\n\n[f](/emne/finnes-ikke/)\n\n[g](/2025/09/02/a/index.html)\n\n[h](/nyheter/2025/09/02/a/)\n',
      ),
    });
    assert.deepEqual(
      (await checkContent(root, render, { cwd: root })).problems.map(
        ({ line, message }) => `${line} ${message.split(',')[0]}`,
      ),
      ['10 links to /emne/finnes-ikke/', '12 links to /2025/09/02/a/index.html', '14 links to /nyheter/2025/09/02/a/'],
    );
  });
});

describe('checkContent, articles dated ahead', () => {
  it('warns of an article dated in the future, which goes out as soon as it is built', async () => {
    const soon = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(`title: X\npublished: ${soon}\nsource: NTB`),
    });
    assert.deepEqual((await checkContent(root, render, { cwd: root })).problems.map(formatProblem), [
      'articles/2025/09/02/a.md: published: warning: is in the future: the article is published as soon as it is built, so give the time it goes out',
    ]);
  });
});

describe('checkContent, a hostile tester’s second round', () => {
  it('names an article file too large to read without reading it, and one that links out of articles/', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(VALID),
      'utenfor/hemmelig.md': article(VALID),
    });
    await writeFile(join(root, 'articles/2025/09/02/stor.md'), '');
    await truncate(join(root, 'articles/2025/09/02/stor.md'), 3 * 1024 ** 3);
    await symlink(join(root, 'utenfor/hemmelig.md'), join(root, 'articles/2025/09/02/lenke.md'));
    const report = await checkContent(root, render, { cwd: root });
    assert.deepEqual(report.problems.map(formatProblem), [
      'articles/2025/09/02/stor.md: file: is 3072.0 MB, more than the 1 MB an article may be: split it, or check that it is the article',
    ]);
    assert.deepEqual(
      report.articles.map(({ file }) => file),
      ['articles/2025/09/02/a.md'],
    );
  });
  it('names a photo that only starts like one, one past the size limit, and a path that ends in a slash', async () => {
    const png = await readFile('tests/fixtures/content/articles/2025/01/15/testbilde.png');
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(
        `${VALID}\nphoto:\n  src: ./foto.png/\n  alt: Alt\n  caption: Tekst`,
        '![a](./polyglot.png)\n\n![b](./stor.png)\n',
      ),
    });
    await writeFile(join(root, 'articles/2025/09/02/foto.png'), png);
    await writeFile(
      join(root, 'articles/2025/09/02/polyglot.png'),
      Buffer.concat([png.subarray(0, 8), Buffer.from('<svg onload="alert(1)"/>')]),
    );
    await writeFile(join(root, 'articles/2025/09/02/stor.png'), png);
    await truncate(join(root, 'articles/2025/09/02/stor.png'), 60 * 1024 * 1024);
    assert.deepEqual(
      (await checkContent(root, render, { cwd: root })).problems.map(
        ({ line, field, message }) => `${line} ${field} ${message.split(', which ')[1]}`,
      ),
      [
        '6 photo.src is not a file: name the photo file itself',
        '11 body is not a JPEG, PNG, WebP, AVIF or GIF photo: give the photo in one of those formats',
        '13 body is 60 MB, more than the 50 MB a photo may be: export it smaller',
      ],
    );
  });
  it('names an empty, blank or blank-in-YAML photo path once, as empty, and reads a path as trimmed', async () => {
    const photo = (src: string) => `\nphoto:\n  src: ${src}\n  alt: Alt\n  caption: Tekst`;
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(`${VALID}${photo('""')}`),
      'articles/2025/09/02/b.md': article(`${VALID}\nslug: b${photo('"   "')}`),
      'articles/2025/09/02/c.md': article(`${VALID}\nslug: c${photo('')}`),
      'articles/2025/09/02/d.md': article(`${VALID}\nslug: d${photo('"\\u00a0foto.png "')}`),
    });
    await writeFile(
      join(root, 'articles/2025/09/02/foto.png'),
      await readFile('tests/fixtures/content/articles/2025/01/15/testbilde.png'),
    );
    const empty =
      'photo.src: is empty: name the photo file beside the article, or leave src out when there is no photo file';
    assert.deepEqual((await checkContent(root, render, { cwd: root })).problems.map(formatProblem), [
      `articles/2025/09/02/a.md:6: ${empty}`,
      `articles/2025/09/02/b.md:7: ${empty}`,
      `articles/2025/09/02/c.md:7: ${empty}`,
    ]);
  });
  it('refuses redirects over the files for hosts and the 404 page, an hour of 24, and 1899 in Oslo written as 1900', async () => {
    const root = await contentFolder({
      'articles/2025/09/02/a.md': article(`${VALID}\nredirectFrom: [/_headers/]`),
      'articles/2025/09/02/d.md': article(`${VALID}\nslug: d\nredirectFrom: [/404/]`),
      'articles/2025/09/02/b.md': article('title: B\npublished: 2025-02-03T24:00\nsource: NTB'),
      'articles/2025/09/02/c.md': article('title: C\npublished: "1900-01-01T00:30+02:00"\nsource: NTB'),
    });
    assert.deepEqual(
      (await checkFrontmatter(root, { cwd: root })).problems.map(
        ({ file, field }) => `${file.split('/').pop()} ${field}`,
      ),
      ['a.md redirectFrom.0', 'b.md published', 'c.md published', 'd.md redirectFrom.0'],
    );
  });
});
