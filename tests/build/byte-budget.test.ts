import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CRITICAL_BYTES_BUDGET, criticalBytes } from '../../scripts/critical-bytes.ts';
import { BUILDS } from '../helpers/builds.ts';
import { SEED_PERMALINK } from '../helpers/seed.ts';

describe('the critical bytes of a page', () => {
  for (const [name, build, page] of [
    ['the seed article', BUILDS.site, `${SEED_PERMALINK}index.html`],
    ['the fixture article, with photos', BUILDS.fixture, '2025/01/15/syntetisk-testartikkel/index.html'],
    ['the front page', BUILDS.site, 'index.html'],
  ] as const) {
    it(`fit the first round trip for ${name}`, async () => {
      const { total, files } = await criticalBytes(build.dir, page, build.base);
      assert.ok(files.length >= 1);
      assert.ok(total <= CRITICAL_BYTES_BUDGET, `${total} bytes brotli: ${JSON.stringify(files)}`);
    });
  }

  it('counts linked stylesheets and scripts too, so the figure cannot hide', async () => {
    const { files } = await criticalBytes(BUILDS.site.dir, `${SEED_PERMALINK}index.html`);
    // Everything is inlined today; this pins it, so that a linked file shows up here first.
    assert.deepEqual(
      files.map((file) => file.file),
      [`${SEED_PERMALINK}index.html`],
    );
    assert.ok(files[0]!.brotli < files[0]!.raw / 2, 'the HTML compresses');
  });
});
