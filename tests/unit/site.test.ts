import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENVIRONMENT_DEFAULTS, normalizeBase, siteConfigFromEnvironment } from '../../src/lib/site.ts';

describe('normalizeBase', () => {
  it('gives the base a leading and a trailing slash', () => {
    assert.equal(normalizeBase(''), '/');
    assert.equal(normalizeBase('/'), '/');
    assert.equal(normalizeBase('nyheter'), '/nyheter/');
    assert.equal(normalizeBase('/nyheter'), '/nyheter/');
    assert.equal(normalizeBase('//a/b//'), '/a/b/');
  });
});

describe('siteConfigFromEnvironment', () => {
  it('falls back to the documented defaults', () => {
    assert.deepEqual(siteConfigFromEnvironment({}), {
      site: ENVIRONMENT_DEFAULTS.SITE_URL,
      base: '/',
      contentDir: 'content',
    });
  });
  it('reads SITE_URL, BASE_PATH and CONTENT_DIR', () => {
    assert.deepEqual(
      siteConfigFromEnvironment({
        SITE_URL: 'https://example.no/',
        BASE_PATH: 'nyheter',
        CONTENT_DIR: 'tests/fixtures/x',
      }),
      { site: 'https://example.no', base: '/nyheter/', contentDir: 'tests/fixtures/x' },
    );
  });
  it('refuses a SITE_URL that is not absolute, naming the variable', () => {
    assert.throws(() => siteConfigFromEnvironment({ SITE_URL: 'nyheter.no' }), /SITE_URL/);
  });
});
