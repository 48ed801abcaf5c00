import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { shareFrontmatterReport, takeFrontmatterReport } from '../../src/lib/article-loader.ts';
import type { ContentReport } from '../../src/lib/content-check.ts';

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
