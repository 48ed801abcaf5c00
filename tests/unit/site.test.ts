import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENVIRONMENT_DEFAULTS, normalizeBase, siteConfigFromEnvironment } from '../../src/site/config.ts';

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
      articlesPerPage: 20,
    });
  });
  it('reads SITE_URL, BASE_PATH, CONTENT_DIR and ARTICLES_PER_PAGE', () => {
    assert.deepEqual(
      siteConfigFromEnvironment({
        SITE_URL: 'https://example.no/',
        BASE_PATH: 'nyheter',
        CONTENT_DIR: 'tests/fixtures/x',
        ARTICLES_PER_PAGE: '5',
      }),
      { site: 'https://example.no', base: '/nyheter/', contentDir: 'tests/fixtures/x', articlesPerPage: 5 },
    );
  });
  it('refuses a page size that is not a whole number, naming the variable', () => {
    for (const value of ['0', '-1', '2.5', 'tjue']) {
      assert.throws(() => siteConfigFromEnvironment({ ARTICLES_PER_PAGE: value }), /ARTICLES_PER_PAGE/);
    }
  });
  it('refuses a SITE_URL that is not absolute, naming the variable', () => {
    assert.throws(() => siteConfigFromEnvironment({ SITE_URL: 'nyheter.no' }), /SITE_URL/);
  });
});
