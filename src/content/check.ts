import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { checkArticleBody } from './body-check.ts';
import { type ArticleData, articleSchema } from './schema.ts';
import { permalinkParts, permalinkPath } from './permalink.ts';

/**
 * Checks every article in a content folder and reports every problem at
 * once, with the file, line and field of each. The build runs it before
 * Astro loads the collection, because Astro stops at the first bad entry.
 */

export interface ContentProblem {
  /** The article's path as the editor knows it, relative to the working folder. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number | undefined;
  /** The frontmatter field (`photo.caption`), or what part of the file is at fault. */
  field: string;
  message: string;
  /** Warnings are shown but do not stop a build, unless the check is strict. Errors always do. */
  severity?: 'warning' | undefined;
  /**
   * HTML the markdown pipeline removes anyway. `npm run check` and `npm run
   * build` refuse it like any error; Astro's own loader lets the page build
   * without it, as a second line of defence rather than a second gate.
   */
  removedFromPage?: true | undefined;
}

export interface CheckedArticle {
  file: string;
  /** The frontmatter as written: dates are still text. Astro's loader is handed this. */
  frontmatter: Record<string, unknown>;
  data?: ArticleData;
  permalink?: string;
  /** The ids of the article's sections. */
  headingIds?: Set<string>;
}

export interface ContentReport {
  articles: CheckedArticle[];
  problems: ContentProblem[];
}

/** `path:line: field: message`, the form editors' tools jump to. */
export function formatProblem({ file, line, field, message, severity }: ContentProblem): string {
  return `${file}${line ? `:${line}` : ''}: ${field}: ${severity ? `${severity}: ` : ''}${message}`;
}

export const isError = (problem: ContentProblem) => problem.severity !== 'warning';

/**
 * Markdown files below a folder, in a stable order. Like Astro's glob loader,
 * it skips names that start with a dot, such as an editor's `.utkast.md`:
 * the check reads what the site publishes.
 */
export async function findArticleFiles(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const names = await readdir(folder, { recursive: true });
  return names
    .filter((name) => name.endsWith('.md') && !name.split(sep).some((part) => part.startsWith('.')))
    .map((name) => join(folder, name))
    .sort();
}

/**
 * The files' text in order, with the next few already being read: checking a
 * file then overlaps reading the ones after it, which one by one left the
 * check waiting on the disk for a third of its time.
 */
async function* readAhead(paths: string[], window = 32): AsyncGenerator<[path: string, text: string]> {
  const reading: Array<Promise<[string, string]>> = [];
  let next = 0;
  const fill = () => {
    for (; reading.length < window && next < paths.length; next++) {
      const path = paths[next] as string;
      const text = readFile(path, 'utf8').then((contents): [string, string] => [path, contents]);
      // Its error is thrown when its turn comes, not as an unhandled rejection while an earlier file is checked.
      text.catch(() => undefined);
      reading.push(text);
    }
  };
  fill();
  for (let text = reading.shift(); text; text = reading.shift()) {
    fill();
    yield await text;
  }
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;
const KNOWN_FIELDS = Object.keys(articleSchema.def.shape ?? {}).join(', ');

/** The line of the deepest key on `path` that the frontmatter has, counted within the frontmatter. */
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
  return line;
}

/**
 * Reads one article: its frontmatter and the problems it can have on its own.
 * `folder` is where the article is, and so where its lead photo is looked for.
 */
export function checkArticleSource(
  file: string,
  source: string,
  folder = dirname(file),
): { article: CheckedArticle; body: string; bodyFirstLine: number; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const match = FRONTMATTER.exec(source);
  if (!match) {
    const article: CheckedArticle = { file, frontmatter: {} };
    problems.push({
      file,
      line: 1,
      field: 'frontmatter',
      message: 'is missing: start the file with a line of ---, the fields, and another line of ---',
    });
    return { article, body: source, bodyFirstLine: 1, problems };
  }
  const yamlText = match[1] ?? '';
  const lines = new LineCounter();
  // The core schema keeps dates as text, so the schema can refuse impossible ones.
  const document = parseDocument(yamlText, { schema: 'core', lineCounter: lines, uniqueKeys: true });
  for (const error of document.errors) {
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    problems.push({
      file,
      line,
      field: 'frontmatter',
      message: `is not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  let parsed: unknown = {};
  let readable = document.errors.length === 0;
  if (readable) {
    try {
      parsed = document.toJS();
    } catch (error) {
      // An alias to no anchor, or one that expands too far (a "billion laughs"), fails only here.
      problems.push({ file, line: 2, field: 'frontmatter', message: `is not valid YAML: ${(error as Error).message}` });
      readable = false;
    }
  }
  const frontmatter =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const article: CheckedArticle = { file, frontmatter };
  if (readable) {
    const result = articleSchema.safeParse(frontmatter);
    if (result.success) {
      article.data = result.data;
    } else {
      for (const issue of result.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
        for (const path of keys) {
          const line = lineOfField(document, lines, path);
          const message =
            issue.code === 'unrecognized_keys'
              ? `is not a known field: check the spelling (known fields: ${KNOWN_FIELDS})`
              : issue.message;
          problems.push({ file, line: line && line + 1, field: path.join('.') || 'frontmatter', message });
        }
      }
    }
  }
  const photo = frontmatter.photo as { src?: unknown } | undefined;
  if (typeof photo?.src === 'string' && !existsSync(resolve(folder, photo.src))) {
    const line = lineOfField(document, lines, ['photo', 'src']);
    problems.push({
      file,
      line: line && line + 1,
      field: 'photo.src',
      message: `names "${photo.src}", which does not exist: put the photo next to the article or fix the path`,
    });
  }
  const bodyFirstLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { article, body: source.slice(match[0].length), bodyFirstLine, problems };
}

/** A permalink-shaped site path: /2025/09/02/slug/ */
const ARTICLE_PATH = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/;

/** Links to an article that does not exist, or to a section its page does not have. */
function brokenLinks(
  file: string,
  links: Array<{ url: string; line: number | undefined }>,
  ownIds: Set<string>,
  byPermalink: Map<string, CheckedArticle>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { url, line } of links) {
    const [path = '', id] = url.split('#');
    let ids = ownIds;
    if (path) {
      // Other pages of the site, such as topics, are checked by the build's crawler, not here.
      if (!ARTICLE_PATH.test(path)) continue;
      const target = byPermalink.get(path.endsWith('/') ? path : `${path}/`);
      if (!target) {
        problems.push({
          file,
          line,
          field: 'body',
          message: `links to ${url}, an article that does not exist: fix the link or remove it`,
        });
        continue;
      }
      ids = target.headingIds ?? new Set();
    }
    // A text fragment (#:~:text=) names a passage, not a section.
    if (id && !id.startsWith(':~:') && !ids.has(decodeURIComponent(id))) {
      const known = [...ids].map((known) => `#${known}`).join(', ');
      problems.push({
        file,
        line,
        field: 'body',
        message: `links to ${url}, a section that does not exist: link to ${known ? `one of ${known}` : 'the article itself'}`,
      });
    }
  }
  return problems;
}

/** The committed list of every published permalink, one path a line, in the content folder. */
export const PERMALINKS_LOCK = 'permalinks.lock';

/** The paths in a permalinks lock with their line numbers; none when there is no lock. */
export async function readPermalinksLock(path: string): Promise<Array<{ path: string; line: number }>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .map((line, index) => ({ path: line.trim(), line: index + 1 }))
    .filter(({ path }) => path && !path.startsWith('#'));
}

/** Redirects problems: a redirect from a live page, or from a path another article already redirects from. */
function redirectProblems(articles: CheckedArticle[], owners: Map<string, CheckedArticle>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const redirected = new Map<string, string>();
  for (const article of articles) {
    article.data?.redirectFrom.forEach((path, index) => {
      const field = `redirectFrom.${index}`;
      const live = owners.get(path);
      const other = redirected.get(path);
      if (live) {
        problems.push({
          file: article.file,
          field,
          message: `is ${path}, the live permalink of ${live.file}: a page that exists cannot also redirect`,
        });
      } else if (other) {
        problems.push({
          file: article.file,
          field,
          message: `is ${path}, which ${other} already redirects from: keep it in one article`,
        });
      } else {
        redirected.set(path, article.file);
      }
    });
  }
  return problems;
}

/**
 * Checks every article in `contentDir/articles`, and that every permalink in
 * `contentDir/permalinks.lock` still resolves, to an article or a redirect.
 * Paths in the report are relative to `cwd`.
 */
export async function checkContent(
  contentDir: string,
  {
    cwd = process.cwd(),
    now = new Date(),
    bodies = true,
  }: {
    cwd?: string;
    now?: Date;
    /** False reads only the frontmatter: enough for permalinks and redirects, and many times faster. */
    bodies?: boolean;
  } = {},
): Promise<ContentReport> {
  const report: ContentReport = { articles: [], problems: [] };
  /** Each permalink and the article that has it: the first to claim it. */
  const owners = new Map<string, CheckedArticle>();
  const links = new Map<CheckedArticle, Array<{ url: string; line: number | undefined }>>();
  for await (const [path, source] of readAhead(await findArticleFiles(join(contentDir, 'articles')))) {
    const file = relative(cwd, path);
    const { article, body, bodyFirstLine, problems } = checkArticleSource(file, source, dirname(path));
    const bodyReport = bodies ? checkArticleBody(dirname(path), body, bodyFirstLine) : undefined;
    if (bodyReport) {
      article.headingIds = bodyReport.headingIds;
      links.set(article, bodyReport.internalLinks);
    }
    report.problems.push(
      ...problems,
      ...(bodyReport?.problems ?? []).map(({ line, message, severity, removedFromPage }) => ({
        file,
        line,
        field: 'body',
        message,
        ...(severity === 'warning' && { severity }),
        ...(removedFromPage && { removedFromPage }),
      })),
    );
    if (article.data && article.data.published > now) {
      report.problems.push({
        file,
        field: 'published',
        severity: 'warning',
        message: `is in the future: the article is published as soon as it is built, so give the time it goes out`,
      });
    }
    if (article.data) {
      article.permalink = permalinkPath(permalinkParts(article.data, path.split('/').pop() ?? ''));
      const owner = owners.get(article.permalink);
      if (owner) {
        report.problems.push({
          file,
          field: 'slug',
          message: `gives the permalink ${article.permalink}, which ${owner.file} already has: give one of them another slug`,
        });
      } else {
        owners.set(article.permalink, article);
      }
    }
    report.articles.push(article);
  }
  report.problems.push(...redirectProblems(report.articles, owners));
  for (const [article, articleLinks] of links) {
    report.problems.push(...brokenLinks(article.file, articleLinks, article.headingIds ?? new Set(), owners));
  }
  const redirectedFrom = new Set(report.articles.flatMap((article) => article.data?.redirectFrom ?? []));
  const lockFile = join(contentDir, PERMALINKS_LOCK);
  for (const { path, line } of await readPermalinksLock(lockFile)) {
    if (owners.has(path) || redirectedFrom.has(path)) continue;
    report.problems.push({
      file: relative(cwd, lockFile),
      line,
      field: 'permalink',
      message: `${path} was published and no longer resolves: restore the article, or add ${path} to redirectFrom in the article that replaces it`,
    });
  }
  return report;
}

/** Every redirect the articles declare: from an old permalink to the article's live one. */
export function redirectsOf(articles: CheckedArticle[]): Array<{ from: string; to: string }> {
  return articles.flatMap((article) =>
    article.permalink
      ? (article.data?.redirectFrom ?? []).map((from) => ({ from, to: article.permalink as string }))
      : [],
  );
}
