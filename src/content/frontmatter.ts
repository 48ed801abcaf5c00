import { readFileSync } from 'node:fs';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { localPhotoProblem } from '../markdown/local-photos.ts';
import { invisibleCharactersIn } from './invisible-characters.ts';
import { contentKey } from './cache-file.ts';
import type { FileStatus, FrontmatterCache, FrontmatterReading, KeptReading } from './frontmatter-cache.ts';
import type { ContentProblem } from './problems.ts';
import { type ArticleData, articleSchema } from './schema.ts';

/** An article file as read: its frontmatter as written, and what the schema made of it. */
export interface ArticleFile {
  /** The path as the editor knows it, relative to the working folder. */
  file: string;
  /** The frontmatter as written: dates are still text. Astro's loader validates this. */
  frontmatter: Record<string, unknown>;
  /** The frontmatter validated, when it is valid. */
  data?: ArticleData | undefined;
  /** A digest of the file's path and text, which changes whenever either does. */
  digest: string;
  /** The site path, when the frontmatter gives one: `/2025/09/02/slug/`. */
  permalink?: string | undefined;
  /** The line of a field in the file, such as `['redirectFrom', 0]`, for problems found beside other articles. */
  lineOf?: (path: PropertyKey[]) => number | undefined;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;
const KNOWN_FIELDS = Object.keys(articleSchema.def.shape ?? {}).join(', ');

/** The line of the deepest key on `path` that the frontmatter has, counted from the top of the file. */
function lineOfField(document: Document, lines: LineCounter, path: PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let line: number | undefined;
  for (const key of path) {
    const item = isMap(node)
      ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)
      : isSeq(node) && typeof key === 'number'
        ? { key: node.items[key], value: node.items[key] }
        : undefined;
    const range = (item?.key as { range?: [number, number] } | undefined)?.range;
    if (!item || !range) break;
    line = lines.linePos(range[0]).line;
    node = item.value;
  }
  // Within the frontmatter, whose first line is the file's second.
  return line && line + 1;
}

/**
 * How many lines of the file come before the body that Astro renders: it
 * removes the frontmatter block, so that a line of the rendered body is this
 * many lines further down in the file.
 */
export function bodyLineOffset(source: string): number {
  return (extractFrontmatter(source)?.split('\n').length ?? 1) - 1;
}

/** Parses YAML the way the schema needs it: the core schema keeps dates as text, so that impossible ones can be refused. */
function parseYaml(file: string, yamlText: string) {
  const lines = new LineCounter();
  const document = parseDocument(yamlText, { schema: 'core', lineCounter: lines, uniqueKeys: true });
  // A warning (an unknown tag, such as !foo) is an error here: Astro's YAML reader refuses what it warns of.
  const problems: ContentProblem[] = [...document.errors, ...document.warnings].map((error) => ({
    file,
    line: (error.linePos?.[0]?.line ?? 0) + 1,
    field: 'frontmatter',
    message: `is not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  let parsed: unknown;
  if (!problems.length) {
    try {
      parsed = document.toJS();
    } catch (error) {
      // An alias to no anchor, or one that expands too far (a "billion laughs"), fails only here.
      problems.push({ file, line: 2, field: 'frontmatter', message: `is not valid YAML: ${(error as Error).message}` });
    }
  }
  return { document, lines, parsed, problems };
}

/**
 * Reads one article's frontmatter, with the problems it can have on its own;
 * its lead photo is `leadPhotoProblems`'. With a `cache`, a text read before
 * is not read again, and the file's `status` lets the next pass know it
 * unchanged: the line of a field is then found only when asked for.
 */
export function readFrontmatter(
  file: string,
  source: string,
  cached?: { cache: FrontmatterCache; status: FileStatus; at: Date },
): { article: ArticleFile; problems: ContentProblem[] } {
  const digest = contentKey(file, source);
  if (!cached) return readSource(file, source, digest);
  let lineOf: ArticleFile['lineOf'];
  const reading = cached.cache.reading(
    file,
    digest,
    () => {
      const { article, problems } = readSource(file, source, digest);
      lineOf = article.lineOf;
      return { frontmatter: article.frontmatter, data: article.data, problems };
    },
    cached,
  );
  return keptArticle(
    file,
    digest,
    reading,
    lineOf ?? ((path) => readSource(file, source, digest).article.lineOf?.(path)),
  );
}

/**
 * An article as the cache kept its reading, its file not read again: the line
 * of a field, wanted only for a problem found beside another article, is read
 * from `path` when asked for.
 */
export function unchangedFrontmatter(
  file: string,
  path: string,
  { key, reading }: KeptReading,
): { article: ArticleFile; problems: ContentProblem[] } {
  return keptArticle(file, key, reading, (field) =>
    readSource(file, readFileSync(path, 'utf8'), key).article.lineOf?.(field),
  );
}

function keptArticle(
  file: string,
  digest: string,
  { frontmatter, data, problems }: FrontmatterReading,
  lineOf: ArticleFile['lineOf'],
): { article: ArticleFile; problems: ContentProblem[] } {
  return { article: { file, frontmatter, ...(data && { data }), digest, lineOf }, problems };
}

function readSource(
  file: string,
  source: string,
  digest: string,
): { article: ArticleFile; problems: ContentProblem[] } {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    const message = 'is missing: start the file with a line of ---, the fields, and another line of ---';
    return { article: { file, frontmatter: {}, digest }, problems: [{ file, line: 1, field: 'frontmatter', message }] };
  }
  const { document, lines, parsed, problems } = parseYaml(file, match[1] ?? '');
  const frontmatter =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const article: ArticleFile = { file, frontmatter, digest, lineOf: (path) => lineOfField(document, lines, path) };
  if (problems.length) return { article, problems };
  const result = articleSchema.safeParse(frontmatter);
  if (result.success) {
    article.data = result.data;
  } else {
    for (const issue of result.error.issues) {
      const unknownKeys = issue.code === 'unrecognized_keys';
      for (const path of unknownKeys ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]) {
        problems.push({
          file,
          line: lineOfField(document, lines, path),
          field: path.join('.') || 'frontmatter',
          message: unknownKeys
            ? `is not a known field: check the spelling (known fields: ${KNOWN_FIELDS})`
            : issue.message,
        });
      }
    }
  }
  for (const [path, character] of invisibleCharactersIn(frontmatter)) {
    problems.push({
      file,
      line: lineOfField(document, lines, path),
      field: path.join('.'),
      message: `has the invisible character ${character}, which can change how the text reads or where its words break: remove it`,
    });
  }
  return { article, problems };
}

/**
 * The lead photo's problem, if it has one, at the line of `photo.src`. Apart
 * from `readFrontmatter`, since telling a photo means reading it.
 */
export async function leadPhotoProblems(article: ArticleFile, folder: string): Promise<ContentProblem[]> {
  const written = (article.frontmatter.photo as { src?: unknown } | undefined)?.src;
  // The path as the schema reads it, trimmed; an empty one is the schema's to name, as empty.
  const src = typeof written === 'string' ? written.trim() : '';
  if (!src) return [];
  // Astro reads the path as a module to import, in which % ? and # mean something else.
  const problem = /[%?#]/.test(src)
    ? 'has a %, ? or # in it, which Astro reads as part of an address: rename the photo without them'
    : await localPhotoProblem(folder, src);
  if (!problem) return [];
  return [
    {
      file: article.file,
      line: article.lineOf?.(['photo', 'src']),
      field: 'photo.src',
      message: `names "${src}", which ${problem}`,
    },
  ];
}
