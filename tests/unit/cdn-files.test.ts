import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { headersFor, parseHeadersFile } from '../../scripts/static-server.ts';
import cdnFiles, {
  ASSET_CACHE_CONTROL,
  HTML_CACHE_CONTROL,
  headersFile,
  redirectsFile,
  SECURITY_HEADERS,
} from '../../src/site/cdn-files.ts';
import { FILE_POLICY, PAGE_HEADER_POLICY, SEARCH_INDEX_POLICY } from '../../src/site/content-security-policy.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';

/** The files of the fixture's build (a few of each kind), as Astro leaves them. */
const BUILT_FILES = [
  '2025/01/15/gammel-testlenke/index.html',
  '2025/01/15/index.html',
  '2025/01/15/syntetisk-testartikkel/card.png',
  '2025/01/15/syntetisk-testartikkel/index.html',
  '2025/01/16/fiendtlig-tittel/card.png',
  '2025/01/16/fiendtlig-tittel/index.html',
  '2025/01/index.html',
  '2025/index.html',
  '404.html',
  '_astro/testbilde.DEckA0Rq.png',
  '_astro/testbilde.DEckA0Rq_1NFbjS.webp',
  '_headers',
  '_redirects',
  'card.png',
  'emne/index.html',
  'emne/okonomi/index.html',
  'favicon.svg',
  'index.html',
  'robots.txt',
  'rss.xml',
  'side/2/index.html',
  'sitemap-0.xml',
  'sitemap-index.xml',
  'sok/index.html',
];
/** What npm run build adds once Astro is done. */
const SEARCH_INDEX_FILES = [
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/wasm.nb.pagefind',
  'pagefind/pagefind-entry.json',
  'pagefind/index/nb_1a2b3c4.pf_index',
  'pagefind/fragment/nb_776b328.pf_fragment',
];
/** Hosts read _headers and _redirects, and serve neither. */
const SERVED_FILES = [...BUILT_FILES, ...SEARCH_INDEX_FILES].filter((file) => !file.startsWith('_'));

/** The addresses a page is served at: its folder, and its file. */
function pageUrls(file: string, base: string): string[] {
  const folder = file.replace(/(^|\/)index\.html$/, '$1');
  return [...new Set([`${base}${folder}`, `${base}${file}`])];
}

/** What a host sends for each address of the site, and for some it does not have, where it serves 404.html. */
function served(base: string) {
  const rules = parseHeadersFile(headersFile(base, BUILT_FILES, 'pagefind'));
  const at = (url: string) => headersFor(rules, url);
  const pages = SERVED_FILES.filter((file) => file.endsWith('.html')).flatMap((file) => pageUrls(file, base));
  return {
    at,
    pages,
    missing: ['finnes-ikke/', '2025/01/15/finnes-ikke/', 'emne/finnes-ikke/'].map((path) => `${base}${path}`),
    files: SERVED_FILES.filter((file) => !file.endsWith('.html')).map((file) => `${base}${file}`),
  };
}

for (const base of ['/', '/nyheter/']) {
  describe(`headersFile, with the base ${base}`, () => {
    const { at, pages, missing, files } = served(base);

    it('sets the security headers on every path, once', () => {
      for (const url of [...pages, ...missing, ...files]) {
        for (const [name, value] of Object.entries(SECURITY_HEADERS))
          assert.equal(at(url)[name.toLowerCase()], value, url);
      }
    });

    it('gives every page, and the 404 page wherever it is served, the page policy alone, which leaves scripts and styles to the meta tag', () => {
      for (const url of [...pages, ...missing])
        assert.equal(at(url)['content-security-policy'], PAGE_HEADER_POLICY, url);
      assert.doesNotMatch(PAGE_HEADER_POLICY, /(^|; )(default-src|script-src|style-src)/);
      assert.match(PAGE_HEADER_POLICY, /frame-ancestors 'none'/);
    });

    it('gives every other file the strict policy too, and the search index the one its worker needs', () => {
      for (const url of files) {
        const policies = at(url)['content-security-policy']?.split(', ').sort();
        const own = url.startsWith(`${base}pagefind/`) ? SEARCH_INDEX_POLICY : FILE_POLICY;
        assert.deepEqual(policies, [PAGE_HEADER_POLICY, own].sort(), url);
      }
    });

    it('caches hashed assets for good and everything else briefly, with no two cache rules on a path', () => {
      for (const url of [...pages, ...files]) {
        const expected = url.startsWith(`${base}_astro/`) ? ASSET_CACHE_CONTROL : HTML_CACHE_CONTROL;
        assert.equal(at(url)['cache-control'], expected, url);
      }
    });
  });
}

describe('headersFile', () => {
  it('has as many rules at a thousand articles as at one, within the 100 Cloudflare Pages reads', () => {
    const rulesFor = (files: string[]) => parseHeadersFile(headersFile('/', files, 'pagefind')).length;
    const articles = Array.from({ length: 1000 }, (_, day) => `2025/01/${day}/syntetisk-${day}/`).flatMap((folder) => [
      `${folder}index.html`,
      `${folder}card.png`,
    ]);
    const one = rulesFor(BUILT_FILES);
    assert.equal(rulesFor([...BUILT_FILES, ...articles]), one);
    assert.ok(one < 100, `${one} rules`);
  });
});

describe('cdnFiles, when Astro is done', () => {
  /** The _headers the integration writes for a built site of `files`. */
  async function writtenHeaders(files: string[]): Promise<string> {
    const root = await temporaryFolder('cdn-files');
    for (const file of files) {
      await mkdir(join(root, dirname(file)), { recursive: true });
      await writeFile(join(root, file), 'syntetisk');
    }
    const hooks = cdnFiles({ redirects: [], searchIndex: 'pagefind' }).hooks as Record<
      string,
      (options: unknown) => Promise<void> | void
    >;
    hooks['astro:config:done']!({ config: { base: '/' } });
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${root}/`) });
    return readFile(join(root, '_headers'), 'utf8');
  }

  it('writes the same _headers whatever the search index holds yet, which npm run build writes meanwhile', async () => {
    const astroFiles = BUILT_FILES.filter((file) => !file.startsWith('_headers') && !file.startsWith('_redirects'));
    const expected = headersFile('/', astroFiles, 'pagefind');
    assert.equal(await writtenHeaders(astroFiles), expected);
    assert.equal(await writtenHeaders([...astroFiles, ...SEARCH_INDEX_FILES]), expected);
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
