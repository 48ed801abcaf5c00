import { join, resolve } from 'node:path';
import { BodyCache } from '../src/content/body-cache.ts';
import { checkContent } from '../src/content/check.ts';
import { ARTICLE_CODE, codeDigest } from '../src/content/code-digest.ts';
import { frontmatterCacheIn } from '../src/content/frontmatter-cache.ts';
import { formatProblem, isError } from '../src/content/problems.ts';
import { createArticleRenderer } from '../src/markdown/index.ts';
import { DEFAULT_CACHE_DIR, siteConfigOrExit } from '../src/site/config.ts';
import { parseArgsOrExit } from './cli.ts';

/**
 * npm run check [-- --strict]: checks every article in the content folder
 * with the pipeline the build renders them with, and prints every problem,
 * one line each, as `path:line: field: message`. It exits 1 when there is an
 * error, and with --strict when there is a warning too (an article dated in
 * the future, headings whose ids collide). It renders only the bodies that
 * changed since the last check (src/content/body-cache.ts).
 */

const { values } = parseArgsOrExit(
  { options: { strict: { type: 'boolean', default: false } } },
  'usage: npm run check [-- --strict]',
);
const site = siteConfigOrExit(process.env);
const render = await createArticleRenderer({ base: site.base });
// Beside Astro's own cache, which a host keeps between builds; links are made with the base, so it is part of the code.
const cacheDir = site.cacheDir ?? DEFAULT_CACHE_DIR;
const bodyCache = await BodyCache.open(
  join(cacheDir, 'content-check.json'),
  `${await codeDigest(ARTICLE_CODE)} ${site.base}`,
);
const frontmatterCache = await frontmatterCacheIn(cacheDir);
const { articles, problems } = await checkContent(resolve(site.contentDir), render, { bodyCache, frontmatterCache });
bodyCache.save();
for (const problem of problems)
  console.log(formatProblem(values.strict ? { ...problem, severity: undefined } : problem));
const errors = values.strict ? problems.length : problems.filter(isError).length;
const warnings = problems.length - errors;
console.error(`${articles.length} articles checked: ${errors} errors, ${warnings} warnings`);
process.exitCode = errors ? 1 : 0;
