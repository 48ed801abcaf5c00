import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { checkFrontmatter } from '../../src/content/check.ts';
import { type ArticleFile, readFrontmatter } from '../../src/content/frontmatter.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { type ImportOptions, wireToArticle } from './article.ts';
import { listWireFolder, readWireFile, readWireStdin } from './input.ts';
import { parseStory } from './formats.ts';
import { copyPhoto, photoBesideInput, photoConflict } from './photo.ts';
import { changeSummary, placeUpdate } from './update.ts';
import { decodeWireText, type WireArticle } from './wire.ts';
import { ImportError, refusal, writeAtomically } from './write.ts';
import { siteConfigOrExit } from '../../src/site/config.ts';
import { exitWithUsage, parseArgsOrExit } from '../cli.ts';

/**
 * npm run import -- <file|folder|-> [--title <headline>] [--slug <slug>] [--tags a,b] [--force] [--dry-run]
 *
 * Imports an NTB story, as plain wire text, NITF or ninjs, into content/articles/YYYY/MM/DD/<slug>.md. It never
 * overwrites an article without --force, never replaces one it wrote itself
 * in the same run, never leaves a partial file, and refuses a permalink that
 * another article already has. The last line it prints is the path of the
 * file written.
 */

const USAGE =
  'usage: npm run import -- <file|folder|-> [--title <headline>] [--slug <slug>] [--tags a,b] [--force] [--dry-run]';

interface Flags extends ImportOptions {
  force: boolean;
  dryRun: boolean;
}

/** The articles a run has made so far, by path: the input each was made from, and the article made. */
type Made = Map<string, { name: string; article: ArticleFile; markdown: string }>;

/**
 * The articles in content/ as the run has left them so far. A dry run writes
 * nothing, so without this a folder's later versions of a story would not
 * find the article its first version would have made, and be reported as
 * new rather than as the updates the real run makes of them.
 */
function asLeft(onDisk: ArticleFile[], made: Made): ArticleFile[] {
  return [
    ...onDisk.filter((article) => !made.has(resolve(article.file))),
    ...[...made.values()].map(({ article }) => article),
  ];
}

/** Reads and parses one input, and warns of what its format makes the editor check. */
async function readStory(input: string, name: string, followLinks: boolean): Promise<WireArticle> {
  let story;
  try {
    const bytes = input === '-' ? await readWireStdin() : await readWireFile(input, { followLinks });
    story = parseStory(decodeWireText(bytes));
  } catch (error) {
    throw refusal(name, error);
  }
  for (const warning of story.warnings ?? []) console.warn(`warning: ${name}: ${warning}`);
  return story;
}

/**
 * Where a new article may not go: over an article that was there before the
 * run without --force, over another story's article even with it, or over
 * one this run made. An update goes over its own story's article.
 */
function refuseToReplace(
  name: string,
  path: string,
  story: WireArticle,
  flags: Flags,
  articles: ArticleFile[],
  made: Made,
) {
  const shown = relative(process.cwd(), path);
  const earlier = made.get(path)?.name;
  if (earlier) {
    throw new ImportError(
      `${name}: would replace ${shown}, which this run made from ${earlier}: give it its own --slug and import it alone`,
    );
  }
  const occupant = articles.find((other) => resolve(other.file) === path);
  const theirs = occupant?.frontmatter.storyId;
  if (theirs && story.story) {
    throw new ImportError(
      `${name}: is story ${story.story.id}, and ${shown} is story ${String(theirs)}: two stories never share a file, so give this one its own --slug`,
    );
  }
  if (!flags.dryRun && existsSync(path) && !flags.force)
    throw new ImportError(`${shown} already exists: pass --force to replace it`);
}

/**
 * Imports one story; returns the path written, or the markdown with
 * --dry-run, and what an update changed. A folder's files are read without
 * following links, and none may replace an article made earlier in the same
 * run: --force is for articles that were there before it. A newer version of
 * a story already in content/ updates its article in place, without --force.
 */
async function importOne(
  input: string,
  flags: Flags,
  contentDir: string,
  { followLinks, made }: { followLinks: boolean; made: Made },
): Promise<{ path: string; markdown: string; changes?: string[] }> {
  const name = input === '-' ? 'standard input' : input;
  const story = await readStory(input, name, followLinks);
  const articles = asLeft((await checkFrontmatter(contentDir)).articles, made);
  const existing = story.story && articles.find((other) => other.frontmatter.storyId === story.story?.id);
  const update = existing && placeUpdate(story, existing, contentDir);
  if (update && 'refusal' in update) throw new ImportError(`${name}: ${update.refusal}`);
  const placement = update?.placement;
  const photo = await photoBesideInput(input, story.photo);
  if (photo.note) console.warn(`warning: ${name}: ${photo.note}`);
  let article;
  try {
    article = wireToArticle(story, flags, { placement, photoSrc: photo.file && `./${basename(photo.file)}` });
  } catch (error) {
    throw refusal(name, error);
  }
  if (article.titleWasDerived) {
    console.warn(
      `warning: ${name}: no --title given, so the headline was taken from the lede: "${article.title}". Check it before publishing.`,
    );
  }
  const path = resolve(contentDir, article.path);
  const shown = relative(process.cwd(), path);
  if (!placement) refuseToReplace(name, path, story, flags, articles, made);
  const { article: madeFile, problems } = readFrontmatter(shown, article.markdown);
  if (problems.length) throw new ImportError(problems.map(formatProblem).join('; '));
  const owner = articles.find((other) => other.permalink === article.permalink && resolve(other.file) !== path);
  if (owner) {
    throw new ImportError(
      `the permalink ${article.permalink} is already used by ${owner.file}: give this article another --slug`,
    );
  }
  const conflict = photo.file && (await photoConflict(photo.file, path));
  if (conflict) throw new ImportError(`${name}: ${conflict}`);
  const changes =
    existing &&
    changeSummary(
      {
        title: String(existing.frontmatter.title),
        markdown: made.get(path)?.markdown ?? (await readFile(path, 'utf8')),
      },
      article,
    );
  if (!flags.dryRun) {
    await writeAtomically(path, article.markdown, flags.force || Boolean(placement));
    if (photo.file) await copyPhoto(photo.file, path);
  }
  made.set(path, { name, article: { ...madeFile, permalink: article.permalink }, markdown: article.markdown });
  return { path: shown, markdown: article.markdown, ...(changes && { changes }) };
}

async function importFolder(folder: string, flags: Flags, contentDir: string): Promise<boolean> {
  let listing;
  try {
    listing = await listWireFolder(folder);
  } catch (error) {
    throw refusal(folder, error);
  }
  const { files, skipped } = listing;
  for (const path of skipped) console.warn(`skipped  ${path}: not a regular file`);
  if (!files.length) throw new ImportError(`${folder}: has no .txt, .xml or .json files to import`);
  const made: Made = new Map();
  let failed = 0;
  for (const file of files) {
    try {
      const { path, changes } = await importOne(file, flags, contentDir, { followLinks: false, made });
      console.log(`${changes ? 'updated ' : 'imported'} ${file} → ${path}`);
      for (const change of changes ?? []) console.log(`         ${change}`);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      failed++;
      console.error(`failed   ${error.message}`);
    }
  }
  const skippedCount = skipped.length ? `, ${skipped.length} skipped` : '';
  console.log(`${files.length - failed} imported, ${failed} failed${skippedCount}`);
  return failed === 0;
}

function parseFlags(): { input: string; flags: Flags } {
  const { values, positionals } = parseArgsOrExit(
    {
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        slug: { type: 'string' },
        tags: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  if (positionals.length !== 1) {
    const count = positionals.length ? `, not ${positionals.length}` : '';
    exitWithUsage(`give one file, folder or - to import${count}`, USAGE);
  }
  const tags = values.tags
    ?.split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return {
    input: positionals[0] as string,
    flags: { title: values.title, slug: values.slug, tags, force: values.force, dryRun: values['dry-run'] },
  };
}

async function main(): Promise<number> {
  const { input, flags } = parseFlags();
  const contentDir = resolve(siteConfigOrExit(process.env).contentDir);
  const isFolder =
    input !== '-' &&
    (await stat(input).then(
      (info) => info.isDirectory(),
      () => false,
    ));
  if (isFolder) {
    if (flags.title || flags.slug)
      throw new ImportError(
        '--title and --slug name one article: import the files of a folder one by one to give them',
      );
    return (await importFolder(input, flags, contentDir)) ? 0 : 1;
  }
  const { path, markdown, changes } = await importOne(input, flags, contentDir, { followLinks: true, made: new Map() });
  for (const change of changes ?? []) console.log(change);
  if (flags.dryRun) {
    process.stdout.write(markdown);
    console.warn(`dry run: ${path} was not written`);
  } else {
    console.log(path);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
