import { rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { checkContent } from '../src/content/check.ts';
import { PERMALINKS_LOCK, readPermalinksLock } from '../src/content/lock.ts';
import { formatProblem, isError } from '../src/content/problems.ts';
import { createArticleRenderer } from '../src/markdown/index.ts';
import { siteConfigOrExit } from '../src/site/config.ts';
import { parseArgsOrExit } from './cli.ts';

/**
 * npm run permalinks: adds every live article's permalink to
 * content/permalinks.lock, sorted. It never removes one: a published URL
 * stays in the lock for good, and the build fails if it stops resolving.
 */

// It takes no options: one given by mistake (a --dry-run it does not have) must not write the lock.
parseArgsOrExit({}, 'usage: npm run permalinks');
const site = siteConfigOrExit(process.env);
const contentDir = resolve(site.contentDir);
const report = await checkContent(contentDir, await createArticleRenderer({ base: site.base }));
if (report.problems.some(isError)) {
  console.error(report.problems.filter(isError).map(formatProblem).join('\n'));
  console.error('error: fix the articles first: the lock only records permalinks of valid articles');
  process.exit(1);
}
const lockFile = join(contentDir, PERMALINKS_LOCK);
const locked = new Set((await readPermalinksLock(lockFile)).map(({ path }) => path));
const added = report.articles
  .map((article) => article.permalink)
  .filter((path): path is string => !!path && !locked.has(path));
const all = [...locked, ...added].sort();
const temporary = `${lockFile}.${process.pid}.tmp`;
await writeFile(temporary, `${all.join('\n')}\n`);
await rename(temporary, lockFile);
for (const path of added) console.log(`added ${path}`);
console.log(`${relative(process.cwd(), lockFile)}: ${all.length} permalinks, ${added.length} new`);
