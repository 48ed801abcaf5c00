import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASSET_CACHE_CONTROL, HTML_CACHE_CONTROL, headersFile, redirectsFile } from '../../src/site/cdn-files.ts';

/** `_headers` as path → headers. */
function parseHeaders(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!line.startsWith(' ')) rules.set(line, (current = {}));
    else if (current) {
      const [name = '', ...value] = line.trim().split(': ');
      current[name] = value.join(': ');
    }
  }
  return rules;
}

const TOP_LEVEL = [
  { name: '_astro', isDirectory: true },
  { name: '2025', isDirectory: true },
  { name: 'index.html', isDirectory: false },
  { name: 'rss.xml', isDirectory: false },
];

describe('headersFile', () => {
  it('sets the security headers on every path', () => {
    const all = parseHeaders(headersFile('/', TOP_LEVEL)).get('/*') ?? {};
    for (const name of [
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Permissions-Policy',
      'Strict-Transport-Security',
    ]) {
      assert.ok(all[name], name);
    }
    assert.equal(all['Cache-Control'], undefined, 'no cache rule on a path that overlaps the assets');
  });
  it('caches hashed assets for good and everything else briefly, with no two rules overlapping', () => {
    const rules = parseHeaders(headersFile('/', TOP_LEVEL));
    assert.equal(rules.get('/_astro/*')?.['Cache-Control'], ASSET_CACHE_CONTROL);
    for (const path of ['/', '/2025/*', '/index.html', '/rss.xml']) {
      assert.equal(rules.get(path)?.['Cache-Control'], HTML_CACHE_CONTROL, path);
    }
    assert.equal([...rules.values()].filter((headers) => headers['Cache-Control']).length, 5);
  });
  it('puts every path under the base', () => {
    const paths = [...parseHeaders(headersFile('/nyheter/', TOP_LEVEL)).keys()];
    assert.ok(
      paths.every((path) => path.startsWith('/nyheter/')),
      paths.join(' '),
    );
    assert.ok(paths.includes('/nyheter/_astro/*'));
  });
});

describe('redirectsFile', () => {
  it('lists each old permalink with its new one as a permanent redirect, under the base', () => {
    assert.equal(
      redirectsFile([{ from: '/2025/09/02/gammel/', to: '/2025/09/02/ny/' }], '/nyheter/'),
      '/nyheter/2025/09/02/gammel/ /nyheter/2025/09/02/ny/ 301\n',
    );
    assert.equal(redirectsFile([], '/'), '');
  });
});
