import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATEGORIES, runLighthouse } from '../../scripts/lighthouse.ts';
import { SEED_PERMALINK } from '../helpers/seed.ts';

/** Lighthouse takes a build and a quarter of a minute, so it runs under CI, and by hand with `npm run lighthouse`. */
const skip = !process.env.CI && 'Lighthouse runs under CI=true, or by hand with npm run lighthouse';

describe('Lighthouse on the article, in its default mobile mode', { skip }, () => {
  it('scores 100 in performance, accessibility, best practices and SEO', async () => {
    const report = await runLighthouse(SEED_PERMALINK);
    assert.deepEqual(
      report.scores,
      Object.fromEntries(CATEGORIES.map((category) => [category, 100])),
      `audits below full marks:\n${report.failing.join('\n')}`,
    );
  });
});
