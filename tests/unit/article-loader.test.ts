import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loaderReport, shareFrontmatterReport, takeFrontmatterReport } from '../../src/content/loader.ts';
import { BODIES_CHECKED } from '../../src/site/config.ts';
import type { ContentReport } from '../../src/content/check.ts';

/** A synthetic report: one article file, no problems. */
const report: ContentReport = {
  articles: [{ file: 'syntetisk.md', frontmatter: { title: 'Syntetisk' } }],
  problems: [],
};

describe('the frontmatter report the config hands to the loader', () => {
  it('is taken once, by the loader of the same folder however it is written', () => {
    shareFrontmatterReport('tests/fixtures/content', report);
    assert.equal(takeFrontmatterReport(resolve('tests/fixtures/content')), report);
    assert.equal(takeFrontmatterReport('tests/fixtures/content'), undefined, 'a later load reads the files again');
  });

  it('is not given to the loader of another folder, and is gone after', () => {
    shareFrontmatterReport('tests/fixtures/content', report);
    assert.equal(takeFrontmatterReport('content'), undefined);
    assert.equal(takeFrontmatterReport('tests/fixtures/content'), undefined);
  });
});

describe('loaderReport', () => {
  const FIXTURE = 'tests/fixtures/content';

  it('takes the config’s report under npm run build, which checks the bodies beside Astro', async (context) => {
    context.after(() => delete process.env[BODIES_CHECKED]);
    process.env[BODIES_CHECKED] = '1';
    shareFrontmatterReport(FIXTURE, report);
    assert.equal(await loaderReport(FIXTURE), report);
  });

  it('checks the articles in full otherwise, bodies and all, whatever the config shared', async () => {
    shareFrontmatterReport(FIXTURE, report);
    const checked = await loaderReport(FIXTURE);
    assert.notEqual(checked, report);
    assert.ok(checked.articles.length > 1);
    assert.ok(
      checked.articles.every((article) => article.headingIds),
      'every body was read',
    );
    assert.equal(takeFrontmatterReport(FIXTURE), undefined, 'and the shared report is gone');
  });
});
