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
  it('reads ASTRO_CACHE_DIR, for builds that keep a cache of their own', () => {
    assert.equal(siteConfigFromEnvironment({ ASTRO_CACHE_DIR: '/tmp/cache' }).cacheDir, '/tmp/cache');
  });
  it('refuses a page size that is not a whole number, naming the variable', () => {
    for (const value of ['0', '-1', '2.5', 'tjue', '100000']) {
      assert.throws(() => siteConfigFromEnvironment({ ARTICLES_PER_PAGE: value }), {
        name: 'SiteConfigError',
        message: `ARTICLES_PER_PAGE must be a whole number from 1 to 9999, like 20, not "${value}"`,
      });
    }
  });
  it('refuses a SITE_URL that is not an absolute web address, naming the variable', () => {
    for (const value of ['nyheter.no', 'not-a-url', 'ftp://nyheter.example.no']) {
      assert.throws(() => siteConfigFromEnvironment({ SITE_URL: value }), {
        name: 'SiteConfigError',
        message: /^SITE_URL must/,
      });
    }
  });
  it('refuses a SITE_URL with a path, and says to put the path in BASE_PATH', () => {
    assert.throws(() => siteConfigFromEnvironment({ SITE_URL: 'https://example.no/nyheter' }), {
      message:
        "SITE_URL must be the site's address alone, like https://example.no: put the path /nyheter/ in BASE_PATH",
    });
  });
  it('refuses a BASE_PATH that would need escaping or climbs out of the site', () => {
    for (const value of ['a b', '/nyheter/../', '/æøå/', '/a?b/']) {
      assert.throws(() => siteConfigFromEnvironment({ BASE_PATH: value }), {
        name: 'SiteConfigError',
        message: /^BASE_PATH must/,
      });
    }
  });
  it('keeps each error to one line', () => {
    for (const env of [{ SITE_URL: 'x\ny' }, { BASE_PATH: 'a\nb' }, { ARTICLES_PER_PAGE: '1\n2' }]) {
      assert.throws(
        () => siteConfigFromEnvironment(env),
        (error: Error) => !error.message.includes('\n'),
      );
    }
  });
});

describe('siteConfigFromEnvironment, credentials', () => {
  it('refuses a SITE_URL with a user name or password, which every page would publish', () => {
    assert.throws(() => siteConfigFromEnvironment({ SITE_URL: 'https://bruker:passord@example.no' }), {
      message:
        'SITE_URL must not hold a user name or password, which every page would publish: give https://example.no',
    });
  });
});
