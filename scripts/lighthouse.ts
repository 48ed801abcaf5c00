import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from './chromium.ts';
import { CRITICAL_BYTES_BUDGET, criticalBytes } from './critical-bytes.ts';
import { startStaticServer } from './static-server.ts';

/**
 * npm run lighthouse: builds the site for a server on loopback, serves it
 * like a CDN, and runs Lighthouse in its default mobile mode against the
 * first article in Debian's Chromium. Prints the four category scores and the
 * article's critical bytes.
 */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseReport {
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that scored below 1, for telling why a category lost points. */
  failing: string[];
  /** Every scored audit's score, by id. */
  audits: Record<string, number | null>;
  criticalBytes: number;
}

function build(outDir: string, site: string, cacheDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('scripts/build.ts'), '--out', outDir], {
      env: { ...process.env, SITE_URL: site, BASE_PATH: '/', ASTRO_CACHE_DIR: cacheDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`npm run build exited with ${code}`))));
  });
}

export async function runLighthouse(articlePath: string): Promise<LighthouseReport> {
  const root = await mkdtemp(join(tmpdir(), 'nyhetsleser-lighthouse-'));
  const dist = join(root, 'dist');
  // The canonical URLs must name the server Lighthouse loads the page from, so the server starts first.
  const server = await startStaticServer(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    await build(dist, new URL(server.url).origin, join(root, 'cache'));
    const url = new URL(articlePath, server.url).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round((categories[category]?.score ?? 0) * 100)]),
    );
    const failing = Object.values(audits)
      .filter(
        (audit) =>
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual',
      )
      .map((audit) => `${audit.id}: ${audit.title}`);
    return {
      url,
      scores: scores as LighthouseReport['scores'],
      failing,
      audits: Object.fromEntries(Object.values(audits).map((audit) => [audit.id, audit.score])),
      criticalBytes: (await criticalBytes(dist, join(articlePath, 'index.html'))).total,
    };
  } finally {
    chrome.kill();
    await server.close();
  }
}

if (import.meta.main) {
  const report = await runLighthouse('2025/09/02/putin-kalte-xi-for-en-naer-venn/');
  console.log(`Lighthouse (mobile) for ${report.url}`);
  for (const category of CATEGORIES) console.log(`  ${category.padEnd(15)} ${report.scores[category]}`);
  console.log(`  critical bytes  ${report.criticalBytes} of ${CRITICAL_BYTES_BUDGET} (brotli)`);
  if (report.failing.length) console.log(`Audits below full marks:\n  ${report.failing.join('\n  ')}`);
}
