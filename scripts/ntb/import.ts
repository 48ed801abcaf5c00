import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFrontmatter } from '../../src/content/check.ts';
import { readFrontmatter } from '../../src/content/frontmatter.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { type ImportOptions, wireToArticle } from './article.ts';
import { decodeWireText, MAX_WIRE_BYTES, parseWire, WireFormatError } from './wire.ts';
import { siteConfigOrExit } from '../../src/site/config.ts';

/**
 * npm run import -- <file|folder|-> [--title <headline>] [--slug <slug>] [--tags a,b] [--force] [--dry-run]
 *
 * Imports NTB wire text into content/articles/YYYY/MM/DD/<slug>.md. It never
 * overwrites an article without --force, never leaves a partial file, and
 * refuses a permalink that another article already has. The last line it
 * prints is the path of the file written.
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

async function readInput(input: string): Promise<Uint8Array> {
  if (input !== '-') return readFile(input);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.byteLength;
    // Stop reading early: decodeWireText refuses the oversized text with its message.
    if (size > MAX_WIRE_BYTES) break;
  }
  return Buffer.concat(chunks);
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

/** Imports one wire text; returns the path written, or the markdown with --dry-run. */
async function importOne(input: string, flags: Flags, contentDir: string): Promise<{ path: string; markdown: string }> {
  const name = input === '-' ? 'standard input' : input;
  let article;
  try {
    article = wireToArticle(parseWire(decodeWireText(await readInput(input))), flags);
  } catch (error) {
    if (error instanceof WireFormatError)
      throw new ImportError(`${name}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImportError(`${name}: no such file`);
    throw error;
  }
  if (article.titleWasDerived) {
    console.warn(
      `warning: ${name}: no --title given, so the headline was taken from the lede: "${article.title}". Check it before publishing.`,
    );
  }
  const path = join(contentDir, article.path);
  const shown = relative(process.cwd(), path);
  const { problems } = readFrontmatter(shown, article.markdown, dirname(path));
  if (problems.length) throw new ImportError(problems.map(formatProblem).join('; '));
  if (flags.dryRun) return { path: shown, markdown: article.markdown };

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
  return { path: shown, markdown: article.markdown };
}

async function importFolder(folder: string, flags: Flags, contentDir: string): Promise<boolean> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  if (!files.length) throw new ImportError(`${folder}: has no .txt files to import`);
  let failed = 0;
  for (const file of files) {
    try {
      const { path } = await importOne(join(folder, file), flags, contentDir);
      console.log(`imported ${join(folder, file)} → ${path}`);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      failed++;
      console.error(`failed   ${error.message}`);
    }
  }
  console.log(`${files.length - failed} imported, ${failed} failed`);
  return failed === 0;
}

function parseFlags(): { input: string; flags: Flags } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      slug: { type: 'string' },
      tags: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new ImportError(USAGE);
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
  const { path, markdown } = await importOne(input, flags, contentDir);
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
  if (error instanceof ImportError || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = error instanceof ImportError && error.message === USAGE ? 2 : 1;
  } else {
    throw error;
  }
}
