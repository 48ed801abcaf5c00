import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Root } from 'hast';
import { rehype } from 'rehype';

/**
 * The sites the build tests read. The global setup builds each once per
 * `npm test`; the tests only parse what is in `dir`.
 */

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const TEST_SITE_URL = 'https://nyheter.example.no';

export interface TestBuild {
  name: string;
  dir: string;
  base: string;
  contentDir: string;
  /** Articles a page of a listing; the fixture uses 1, so that its two articles need two pages. */
  articlesPerPage?: number;
}

const buildsDir = join(PROJECT_ROOT, '.test-builds');

export const BUILDS = {
  /** The real content at the domain root. */
  site: { name: 'site', dir: join(buildsDir, 'site'), base: '/', contentDir: 'content' },
  /** The real content under a sub-path, as on a shared host. */
  subpath: { name: 'subpath', dir: join(buildsDir, 'subpath'), base: '/nyheter/', contentDir: 'content' },
  /** The synthetic fixture, with photos, under a sub-path. */
  fixture: {
    name: 'fixture',
    dir: join(buildsDir, 'fixture'),
    base: '/arkiv/',
    contentDir: 'tests/fixtures/content',
    articlesPerPage: 1,
  },
  /** Odd but valid synthetic articles: inline HTML in headings, footnotes, odd anchors, links between articles. */
  oddValid: { name: 'odd-valid', dir: join(buildsDir, 'odd-valid'), base: '/', contentDir: 'tests/fixtures/odd-valid' },
  /** The same under a sub-path, where links between articles must get the base. */
  oddValidSubpath: {
    name: 'odd-valid-subpath',
    dir: join(buildsDir, 'odd-valid-subpath'),
    base: '/nyheter/',
    contentDir: 'tests/fixtures/odd-valid',
  },
} satisfies Record<string, TestBuild>;

export interface BuildResult {
  code: number | null;
  output: string;
}

/** The environment a test site is built or served with: its address, base, content and cache. */
export function testSiteEnvironment({
  site = TEST_SITE_URL,
  base,
  contentDir,
  cacheDir,
  articlesPerPage = 20,
}: {
  site?: string;
  base: string;
  contentDir: string;
  cacheDir: string;
  articlesPerPage?: number;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SITE_URL: site,
    BASE_PATH: base,
    CONTENT_DIR: contentDir,
    ASTRO_CACHE_DIR: cacheDir,
    ARTICLES_PER_PAGE: String(articlesPerPage),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/**
 * Runs `npm run build` in a child process with the given content folder and
 * base: every test build takes the path a host's build takes.
 */
export function astroBuild({
  outDir,
  site,
  base = '/',
  contentDir,
  cacheDir,
  articlesPerPage = 20,
}: {
  outDir: string;
  site?: string;
  base?: string;
  contentDir: string;
  cacheDir: string;
  articlesPerPage?: number;
}): Promise<BuildResult> {
  const command = [join(PROJECT_ROOT, 'scripts/build.ts'), '--out', outDir];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, command, {
      cwd: PROJECT_ROOT,
      env: testSiteEnvironment({ site, base, contentDir, cacheDir, articlesPerPage }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** Astro's cache for a test build: its content store and the social cards. */
export function buildCacheDir(build: TestBuild): string {
  return join(buildsDir, `cache-${build.name}`);
}

export function buildTestSite(build: TestBuild): Promise<BuildResult> {
  return astroBuild({
    outDir: build.dir,
    base: build.base,
    contentDir: build.contentDir,
    cacheDir: buildCacheDir(build),
    ...(build.articlesPerPage && { articlesPerPage: build.articlesPerPage }),
  });
}

/** What Astro printed while it built the site, kept beside it by the global setup. */
export function buildLog(build: TestBuild): string {
  return `${build.dir}.log`;
}

/** Every HTML file in a built site, as paths relative to it. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names.filter((name) => name.endsWith('.html')).sort();
}

/** A built page, parsed into a hast tree. */
export async function readPage(build: TestBuild, file: string): Promise<Root> {
  return rehype().parse(await readFile(join(build.dir, file), 'utf8'));
}
