import { appendFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBaselineSite } from './bench/baseline.ts';
import { folderSize, type Measurement, measure } from './bench/measure.ts';
import { generateArchive, publishArticle } from './bench/synthetic-archive.ts';
import { exitWithUsage, parseArgsOrExit } from './cli.ts';

/**
 * npm run bench -- --articles 1000,10000
 *
 * For each size, generates a synthetic archive in a temporary folder and
 * measures, in one run: a cold build of the site (npm run build, every card
 * drawn) and of a bare Astro baseline over the same articles; a first
 * rebuild of the site with nothing changed; a publish, the site's build after
 * one new article, and an edit, its build after one
 * article's body changes, both with the caches of the build before, against
 * the baseline's warm rebuild after the same two changes; a build of the site
 * with Astro's cache cold but every social card in the card cache; and last
 * the cards alone, rendered into an empty card cache by the build's pool.
 * Prints a table of wall time, peak memory and output size with the ratios
 * to the baseline, and writes it all as JSON.
 */

const USAGE = 'usage: npm run bench [-- --articles 1000,10000] [--out <file.json>]';
const { values } = parseArgsOrExit(
  {
    options: {
      articles: { type: 'string', default: '1000,10000' },
      out: { type: 'string', default: 'bench-results.json' },
    },
  },
  USAGE,
);
/** More than this machine's disk and patience hold for one run; the largest archive is 30,000. */
const MAX_ARTICLES = 100_000;
const sizes = values.articles.split(',').map((size) => (/^\d+$/.test(size) ? Number(size) : NaN));
if (sizes.some((size) => !Number.isInteger(size) || size < 1 || size > MAX_ARTICLES))
  exitWithUsage(
    `--articles takes whole numbers from 1 to ${MAX_ARTICLES}, separated by commas, not "${values.articles}"`,
    USAGE,
  );

const project = resolve('.');
const astro = resolve('node_modules/astro/bin/astro.mjs');
const baselineRoot = resolve('.bench/baseline');
await writeBaselineSite(baselineRoot);

interface Row {
  articles: number;
  site: {
    cold: Measurement;
    /** The first build after the cold one, nothing changed. */
    rebuild: Measurement;
    publish: Measurement;
    edit: Measurement;
    cardsCached: Measurement;
    outputBytes: number;
  };
  /** Every card rendered by the build's pool and nothing else. */
  cardsAlone: Measurement;
  baseline: { cold: Measurement; warm: Measurement; outputBytes: number };
}
const rows: Row[] = [];

for (const size of sizes) {
  const work = await mkdtemp(join(tmpdir(), `nyhetsleser-bench-${size}-`));
  const content = join(work, 'content');
  console.error(`${size} articles: generating in ${work}`);
  const files = await generateArchive(content, size);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'https://bench.example' };
  const site = () =>
    measure(process.execPath, ['scripts/build.ts', '--out', join(work, 'site')], {
      cwd: project,
      env: { ...env, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(work, 'cache-site') },
    });
  const baseline = () =>
    measure(process.execPath, [astro, 'build', '--root', baselineRoot, '--outDir', join(work, 'baseline')], {
      cwd: baselineRoot,
      env: { ...env, BENCH_ARTICLES: join(content, 'articles'), ASTRO_CACHE_DIR: join(work, 'cache-baseline') },
    });

  console.error(`${size} articles: cold builds`);
  const siteCold = await site();
  const baselineCold = await baseline();
  // A newsroom publishes into a site built many times: the first build after a cold one copies the site to
  // build in (scripts/earlier-output.ts), and those after it only what changed.
  console.error(`${size} articles: a first rebuild, with nothing changed`);
  const siteRebuild = await site();
  console.error(`${size} articles: a publish, then an edit of one body`);
  await publishArticle(content, size);
  const sitePublish = await site();
  await appendFile(files[Math.floor(files.length / 2)] as string, '\nEn syntetisk setning til, for en redigering.\n');
  const siteEdit = await site();
  console.error(`${size} articles: the baseline's warm rebuild after the same two changes`);
  const baselineWarm = await baseline();
  console.error(`${size} articles: a build with a cold Astro cache and every card cached`);
  for (const entry of await readdir(join(work, 'cache-site'))) {
    if (entry !== 'social-cards') await rm(join(work, 'cache-site', entry), { recursive: true });
  }
  const siteCardsCached = await site();
  console.error(`${size} articles: the cards alone`);
  const cardsAlone = await measure(process.execPath, ['scripts/bench/cards.ts', content, join(work, 'cards-alone')], {
    cwd: project,
    env,
  });
  rows.push({
    articles: size,
    site: {
      cold: siteCold,
      rebuild: siteRebuild,
      publish: sitePublish,
      edit: siteEdit,
      cardsCached: siteCardsCached,
      outputBytes: await folderSize(join(work, 'site')),
    },
    baseline: { cold: baselineCold, warm: baselineWarm, outputBytes: await folderSize(join(work, 'baseline')) },
    cardsAlone,
  });
  await rm(work, { recursive: true, force: true });
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const megabytes = (value: number) => `${(value / 2 ** 20).toFixed(0)} MB`;
const ratio = (ours: number, floor: number) => `${(ours / floor).toFixed(2)}×`;
const table = [
  '| articles | build | baseline | ratio | per article | peak RSS | baseline RSS | output | first rebuild | publish | edit | baseline warm | publish ratio | edit ratio | cards cached | ratio | cards alone | ratio |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    ({ articles, site, baseline, cardsAlone }) =>
      `| ${articles} | ${seconds(site.cold.seconds)} | ${seconds(baseline.cold.seconds)} | ${ratio(site.cold.seconds, baseline.cold.seconds)} | ` +
      `${((site.cold.seconds / articles) * 1000).toFixed(1)} ms | ${megabytes(Math.max(...[site.cold, site.rebuild, site.publish, site.edit].map((build) => build.peakRssBytes)))} | ${megabytes(baseline.cold.peakRssBytes)} | ` +
      `${megabytes(site.outputBytes)} | ${seconds(site.rebuild.seconds)} | ${seconds(site.publish.seconds)} | ${seconds(site.edit.seconds)} | ${seconds(baseline.warm.seconds)} | ` +
      `${ratio(site.publish.seconds, baseline.warm.seconds)} | ${ratio(site.edit.seconds, baseline.warm.seconds)} | ` +
      `${seconds(site.cardsCached.seconds)} | ${ratio(site.cardsCached.seconds, baseline.cold.seconds)} | ` +
      `${seconds(cardsAlone.seconds)} | ${ratio(cardsAlone.seconds, baseline.cold.seconds)} |`,
  ),
];
if (rows.length > 1) {
  const [first, last] = [rows[0] as Row, rows.at(-1) as Row];
  const growth = last.site.cold.seconds / last.articles / (first.site.cold.seconds / first.articles);
  table.push('', `Time per article grows ${growth.toFixed(2)}× from ${first.articles} to ${last.articles} articles.`);
}
console.log(table.join('\n'));
await mkdir(resolve(values.out, '..'), { recursive: true });
await writeFile(resolve(values.out), `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
console.error(`wrote ${values.out}`);
