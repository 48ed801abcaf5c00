import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILDS, htmlFiles, readPage } from '../helpers/builds.ts';
import { all, one, text } from '../helpers/hast.ts';

/** The permalinks of a build's articles: every page with an <article data-pagefind-body>. */
async function articlePaths(build: (typeof BUILDS)[keyof typeof BUILDS]): Promise<string[]> {
  const paths: string[] = [];
  for (const file of await htmlFiles(build.dir)) {
    if (all(await readPage(build, file), 'article[data-pagefind-body]').length)
      paths.push(file.replace(/index\.html$/, ''));
  }
  return paths;
}

describe('date archives', () => {
  for (const build of [BUILDS.site, BUILDS.fixture]) {
    it(`have a page at every prefix of every permalink in the ${build.name} build`, async () => {
      const permalinks = await articlePaths(build);
      assert.ok(permalinks.length >= 1);
      for (const permalink of permalinks) {
        const [year, month, day] = permalink.split('/');
        for (const prefix of [`${year}/`, `${year}/${month}/`, `${year}/${month}/${day}/`]) {
          assert.ok(existsSync(join(build.dir, prefix, 'index.html')), `${prefix} for ${permalink}`);
        }
      }
    });
  }

  it('head each level in Norwegian and link down to the next', async () => {
    const year = await readPage(BUILDS.site, '2025/index.html');
    assert.equal(text(one(year, 'h1')), 'Arkiv 2025');
    assert.deepEqual(
      all(year, 'main .archive-list a').map((link) => [text(link), link.properties.href]),
      [['september 2025', '/2025/09/']],
    );
    const month = await readPage(BUILDS.site, '2025/09/index.html');
    assert.equal(text(one(month, 'h1')), 'September 2025');
    assert.equal(text(one(month, '.archive-day-heading')), 'tirsdag 2. september');
    assert.equal(one(month, '.archive-day-heading a').properties.href, '/2025/09/02/');
    const day = await readPage(BUILDS.site, '2025/09/02/index.html');
    assert.equal(text(one(day, 'h1')), 'Tirsdag 2. september 2025');
    assert.equal(one(day, '.teaser h2 a').properties.href, '/2025/09/02/putin-kalte-xi-for-en-naer-venn/');
    assert.deepEqual(
      all(day, '.breadcrumbs a').map((link) => link.properties.href),
      ['/', '/2025/', '/2025/09/'],
    );
  });
});

describe('front page pagination in the fixture, one article a page', () => {
  it('puts the newest on / and the oldest on /side/1/, numbered from the oldest, linked both ways', async () => {
    const first = await readPage(BUILDS.fixture, 'index.html');
    const second = await readPage(BUILDS.fixture, 'side/1/index.html');
    assert.equal(all(first, '.teaser').length, 1);
    assert.equal(one(first, '.teaser a').properties.href, '/arkiv/2025/01/16/fiendtlig-tittel/');
    assert.equal(one(second, '.teaser a').properties.href, '/arkiv/2025/01/15/syntetisk-testartikkel/');
    assert.equal(one(first, 'link[rel=next]').properties.href, '/arkiv/side/1/');
    assert.deepEqual(all(first, 'link[rel=prev]'), []);
    assert.equal(one(second, 'link[rel=prev]').properties.href, '/arkiv/');
    assert.deepEqual(all(second, 'link[rel=next]'), []);
    // The days a later page covers, which stay as articles are published, and not its place among the pages.
    assert.equal(text(one(second, '.pagination-position')), '15. januar 2025');
    assert.equal(text(one(second, 'h1')), 'Eldre saker, side 1');
    assert.equal(text(one(first, '.pagination-position')), '');
    assert.equal(existsSync(join(BUILDS.fixture.dir, 'side/2/index.html')), false);
    assert.equal(existsSync(join(BUILDS.fixture.dir, 'side/0/index.html')), false);
  });

  it('has no pagination where one page holds every article', async () => {
    assert.deepEqual(all(await readPage(BUILDS.site, 'index.html'), '.pagination, link[rel=next], link[rel=prev]'), []);
  });
});

describe('topics', () => {
  it('have ASCII pages for tags with æ, ø and å, linked from the article', async () => {
    const article = await readPage(BUILDS.fixture, '2025/01/15/syntetisk-testartikkel/index.html');
    assert.deepEqual(
      all(article, '.article-tags a').map((link) => [text(link), link.properties.href]),
      [
        ['Testemne', '/arkiv/emne/testemne/'],
        ['Økonomi', '/arkiv/emne/okonomi/'],
      ],
    );
    const topic = await readPage(BUILDS.fixture, 'emne/okonomi/index.html');
    assert.equal(text(one(topic, 'h1')), 'Økonomi');
    assert.equal(one(topic, '.archive-list a').properties.href, '/arkiv/2025/01/15/syntetisk-testartikkel/');
  });

  it('are listed in the topic index with their counts', async () => {
    const index = await readPage(BUILDS.site, 'emne/index.html');
    assert.deepEqual(all(index, '.topic-list li').map(text), ['Kina 1', 'Russland 1']);
  });
});

describe('the search index', () => {
  // npm run build writes it after Astro has exited.
  for (const build of [BUILDS.site, BUILDS.fixture]) {
    it(`is written in Norwegian Bokmål and holds only the articles (${build.name})`, async () => {
      const entry = JSON.parse(await readFile(join(build.dir, 'pagefind/pagefind-entry.json'), 'utf8'));
      assert.deepEqual(Object.keys(entry.languages), ['nb']);
      assert.equal(entry.languages.nb.page_count, (await articlePaths(build)).length);
    });
  }

  it('is told to skip everything in an article but its headline and body', async () => {
    const article = await readPage(BUILDS.site, '2025/09/02/putin-kalte-xi-for-en-naer-venn/index.html');
    assert.equal(all(article, '[data-pagefind-body]').length, 1);
    for (const selector of [
      '.age-notice',
      '.article-meta',
      '.share-tools',
      'figure.lead-photo',
      '.table-of-contents',
      '.article-footer',
    ]) {
      assert.ok(one(article, selector).properties.dataPagefindIgnore !== undefined, selector);
    }
    assert.deepEqual(all(article, 'body > header [data-pagefind-body], body > footer [data-pagefind-body]'), []);
  });

  it('indexes no control: every button, form and navigation in the article is skipped', async () => {
    const article = await readPage(BUILDS.site, '2025/09/02/putin-kalte-xi-for-en-naer-venn/index.html');
    const controls = all(article, '[data-pagefind-body] :is(button, form, nav, input)');
    assert.ok(controls.length > 1, 'the article has controls');
    const indexed = controls.filter(
      (control) =>
        control.properties.dataPagefindIgnore === undefined &&
        all(article, '[data-pagefind-ignore]').every((ignored) => !all(ignored, '*').includes(control)),
    );
    assert.deepEqual(
      indexed.map((control) => `<${control.tagName} class="${control.properties.className}">`),
      [],
    );
  });
});
