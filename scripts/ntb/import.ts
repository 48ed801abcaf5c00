import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { checkFrontmatter } from '../../src/content/check.ts';
import { readFrontmatter } from '../../src/content/frontmatter.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { type ImportOptions, wireToArticle } from './article.ts';
import { listWireFolder, readWireFile, readWireStdin } from './input.ts';
import { parseStory } from './formats.ts';
import { decodeWireText, WireFormatError } from './wire.ts';
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

/** A refusal to import, worded for the editor: it names the file and, where there is one, the line. */
class ImportError extends Error {
  override name = 'ImportError';
}

interface Flags extends ImportOptions {
  force: boolean;
  dryRun: boolean;
}

/** The articles a run has made so far: each path, and the input it was made from. */
type Made = Map<string, string>;

/** A problem with an input, as a refusal that names it and, where there is one, the line. */
function refusal(name: string, error: unknown): unknown {
  if (!(error instanceof WireFormatError)) return error;
  return new ImportError(`${name}${error.line ? `:${error.line}` : ''}: ${error.message}`);
}

/**
 * Writes the file in one step: the text goes to a temporary file beside it,
 * which is then linked into place (refusing an existing file, even one that
 * another import has just written) or, with --force, renamed over it.
 */
async function writeAtomically(path: string, text: string, force: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    if (force) {
      await rename(temporary, path);
    } else {
      await link(temporary, path);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ImportError(`${relative(process.cwd(), path)} already exists: pass --force to replace it`);
    }
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Imports one wire text; returns the path written, or the markdown with
 * --dry-run. A folder's files are read without following links, and none may
 * replace an article made earlier in the same run: --force is for articles
 * that were there before it.
 */
async function importOne(
  input: string,
  flags: Flags,
  contentDir: string,
  { followLinks, made }: { followLinks: boolean; made: Made },
): Promise<{ path: string; markdown: string }> {
  const name = input === '-' ? 'standard input' : input;
  let story, article;
  try {
    const bytes = input === '-' ? await readWireStdin() : await readWireFile(input, { followLinks });
    story = parseStory(decodeWireText(bytes));
    article = wireToArticle(story, flags);
  } catch (error) {
    throw refusal(name, error);
  }
  for (const warning of story.warnings ?? []) console.warn(`warning: ${name}: ${warning}`);
  if (article.titleWasDerived) {
    console.warn(
      `warning: ${name}: no --title given, so the headline was taken from the lede: "${article.title}". Check it before publishing.`,
    );
  }
  const path = join(contentDir, article.path);
  const shown = relative(process.cwd(), path);
  const earlier = made.get(path);
  if (earlier) {
    throw new ImportError(
      `${name}: would replace ${shown}, which this run made from ${earlier}: give it its own --slug and import it alone`,
    );
  }
  const { problems } = readFrontmatter(shown, article.markdown);
  if (problems.length) throw new ImportError(problems.map(formatProblem).join('; '));
  if (!flags.dryRun) {
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (exists && !flags.force) throw new ImportError(`${shown} already exists: pass --force to replace it`);
    const { articles } = await checkFrontmatter(contentDir);
    const owner = articles.find(
      (other) => other.permalink === article.permalink && resolve(other.file) !== resolve(path),
    );
    if (owner) {
      throw new ImportError(
        `the permalink ${article.permalink} is already used by ${owner.file}: give this article another --slug`,
      );
    }
    await writeAtomically(path, article.markdown, flags.force);
  }
  made.set(path, name);
  return { path: shown, markdown: article.markdown };
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
      const { path } = await importOne(file, flags, contentDir, { followLinks: false, made });
      console.log(`imported ${file} → ${path}`);
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
  const { path, markdown } = await importOne(input, flags, contentDir, { followLinks: true, made: new Map() });
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
