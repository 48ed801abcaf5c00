import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFrontmatter } from '../../src/content/check.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { runScript } from '../helpers/run.ts';

/**
 * npm run bench on a tiny synthetic archive: it must finish, print the table
 * and write the JSON. Only the shape is asserted; timings are the bench's to
 * print, not a test's to judge.
 */

describe('npm run bench', () => {
  it('builds the site and the baseline, publishes and edits an article, and reports both', async () => {
    const out = join(await temporaryFolder('bench'), 'results.json');
    const result = await runScript('bench.ts', ['--articles', '3', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const [header, , row] = result.stdout.split('\n');
    assert.match(header ?? '', /^\| articles \| build \| baseline \| ratio \|/);
    assert.match(row ?? '', /^\| 3 \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \|/);
    assert.match(
      header ?? '',
      /\| first rebuild \| publish \| edit \| baseline warm \| publish ratio \| edit ratio \|/,
    );
    const { rows } = JSON.parse(await readFile(out, 'utf8'));
    assert.equal(rows.length, 1);
    const [{ articles, site, baseline, cardsAlone }] = rows;
    assert.equal(articles, 3);
    for (const build of [
      site.cold,
      site.rebuild,
      site.publish,
      site.edit,
      site.cardsCached,
      baseline.cold,
      baseline.warm,
      cardsAlone,
    ]) {
      assert.ok(build.seconds > 0 && build.peakRssBytes > 0, JSON.stringify(build));
    }
    // 3 articles, each with a page and a card, and the listings: a site, not an empty folder.
    assert.ok(site.outputBytes > baseline.outputBytes, `${site.outputBytes} ≤ ${baseline.outputBytes}`);
  });

  it('renders the cards alone, the site’s and one for each article, into the cache it is given', async () => {
    const cacheDir = await temporaryFolder('bench-cards');
    const result = await runScript('bench/cards.ts', ['tests/fixtures/content', cacheDir]);
    assert.equal(result.code, 0, result.stderr);
    const { articles } = await checkFrontmatter('tests/fixtures/content');
    assert.equal(result.stdout.trim(), `${articles.length + 1} cards rendered`);
    const cards = (await readdir(cacheDir)).filter((name) => name.endsWith('.png'));
    assert.equal(cards.length, articles.length + 1);
  });
});
