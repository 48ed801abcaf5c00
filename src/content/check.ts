import { existsSync, type Stats, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BodyCache } from './body-cache.ts';
import { bodyProblems, type RenderArticle, type RenderedBody, renderForReport } from './bodies.ts';
import { decodeUtf8, findArticleFiles, readAhead } from './files.ts';
import { type ArticleFile, leadPhotoProblems, readFrontmatter, unchangedFrontmatter } from './frontmatter.ts';
import type { FrontmatterCache, KeptReading } from './frontmatter-cache.ts';
import { brokenLinks } from './links.ts';
import { lockProblems } from './lock.ts';
import { permalinkParts, permalinkPath } from './permalink.ts';
import { type ContentProblem, isError, sortProblems } from './problems.ts';
import { redirectProblems } from './redirects.ts';
import { sitePages } from './site-paths.ts';

/**
 * The content check: every problem in every article at once, each with its
 * file, line and field. The frontmatter pass reads the articles' frontmatter;
 * the bodies are checked by the article pipeline as it renders them, in
 * `npm run check` and in Astro's loader alike, and what they say across
 * articles (links between them) is checked here.
 */

export interface ContentReport {
  articles: ArticleFile[];
  problems: ContentProblem[];
}

/** What the config's frontmatter pass hands on to Astro's loader: the articles' frontmatter as written, and the problems. */
export interface FrontmatterReport {
  articles: Array<Pick<ArticleFile, 'file' | 'frontmatter' | 'digest' | 'permalink'>>;
  problems: ContentProblem[];
}

export function frontmatterReportOf({ articles, problems }: ContentReport): FrontmatterReport {
  return {
    articles: articles.map(({ file, frontmatter, digest, permalink }) => ({ file, frontmatter, digest, permalink })),
    problems,
  };
}

export interface CheckOptions {
  /** Paths in the report are relative to this folder. */
  cwd?: string;
  /** An article published after this is a warning. */
  now?: Date;
  /** Reports of bodies from earlier checks, so that only changed articles are rendered again. */
  bodyCache?: BodyCache;
  /** Frontmatter as earlier passes read it, so that only changed articles are read again. */
  frontmatterCache?: FrontmatterCache;
}

/** Gives the article its permalink, and reports one that is empty or that an earlier article has. */
function claimPermalink(article: ArticleFile, path: string, owners: Map<string, ArticleFile>): ContentProblem[] {
  if (!article.data) return [];
  const parts = permalinkParts(article.data, path.split('/').pop() ?? '');
  if (!parts.slug) {
    return [
      {
        file: article.file,
        field: 'slug',
        message: 'is missing, and the file name has no letters a permalink can use: add a slug like putin-moter-xi',
      },
    ];
  }
  article.permalink = permalinkPath(parts);
  const owner = owners.get(article.permalink);
  if (!owner) {
    owners.set(article.permalink, article);
    return [];
  }
  return [
    {
      file: article.file,
      line: article.lineOf?.(['slug']),
      field: 'slug',
      message: `gives the permalink ${article.permalink}, which ${owner.file} already has: give one of them another slug`,
    },
  ];
}

/** A body's report: kept from an earlier check where the file and its photos are unchanged, else rendered. */
async function checkBody(render: RenderArticle, path: string, source: string, cache?: BodyCache) {
  const kept = await cache?.get(path, source);
  if (kept) return kept;
  const { rendered, body } = await renderForReport(render, path, source);
  await cache?.set(path, source, body, rendered?.metadata?.localImagePaths);
  return body;
}

/** Reads every article, and renders each body for its report when `render` is given. */
async function readContent(
  contentDir: string,
  { cwd = process.cwd(), now = new Date(), bodyCache, frontmatterCache }: CheckOptions,
  render?: RenderArticle,
) {
  const report: ContentReport = { articles: [], problems: [] };
  const bodies = new Map<string, RenderedBody>();
  const owners = new Map<string, ArticleFile>();
  const articlesDir = join(contentDir, 'articles');
  if (!existsSync(articlesDir)) {
    report.problems.push({
      file: relative(cwd, contentDir) || '.',
      field: 'articles',
      message: 'is not there: set CONTENT_DIR to the folder that holds articles/, or put the articles in it',
    });
  }
  const paths = findArticleFiles(articlesDir);
  // The time of the pass, and each file's status before it is read: a file that changes after is read again next time.
  const at = new Date();
  const statuses = new Map<string, Stats>();
  for (const path of frontmatterCache ? paths : []) {
    const status = statSync(path, { throwIfNoEntry: false });
    if (status) statuses.set(path, status);
  }
  // A check renders every body from its text; a build needs the text only of the articles that changed.
  const unchanged = new Map<string, KeptReading>();
  for (const [path, status] of render ? [] : statuses) {
    const kept = frontmatterCache?.unchanged(relative(cwd, path), status);
    if (kept) unchanged.set(path, kept);
  }
  const texts = readAhead(paths.filter((path) => !unchanged.has(path)));
  for (const path of paths) {
    const kept = unchanged.get(path);
    const bytes = kept ? undefined : (await texts.next()).value?.[1];
    // Astro reads an article's path as an address to import its photos by, in which % and ? mean something else.
    if (/[%?]/.test(relative(articlesDir, path))) {
      const message = 'has a % or ? in its name or folder, which Astro reads as part of an address: rename it';
      report.problems.push({ file: relative(cwd, path), field: 'file', message });
      continue;
    }
    if (bytes && 'tooLarge' in bytes) {
      const size = `${(bytes.tooLarge / 1024 / 1024).toFixed(1)} MB`;
      const message = `is ${size}, more than the 1 MB an article may be: split it, or check that it is the article`;
      report.problems.push({ file: relative(cwd, path), field: 'file', message });
      continue;
    }
    const decoded = bytes ? decodeUtf8(bytes) : { text: '' };
    if ('badLine' in decoded) {
      const message = 'is not UTF-8 text: save the file as UTF-8, and check its letters after';
      report.problems.push({ file: relative(cwd, path), line: decoded.badLine, field: 'encoding', message });
      continue;
    }
    const source = decoded.text;
    const status = statuses.get(path);
    const { article, problems } = kept
      ? unchangedFrontmatter(relative(cwd, path), path, kept)
      : readFrontmatter(
          relative(cwd, path),
          source,
          frontmatterCache && status && { cache: frontmatterCache, status, at },
        );
    report.problems.push(
      ...problems,
      ...(await leadPhotoProblems(article, dirname(path))),
      ...claimPermalink(article, path, owners),
    );
    if (article.data && article.data.published > now) {
      report.problems.push({
        file: article.file,
        field: 'published',
        severity: 'warning',
        message: 'is in the future: the article is published as soon as it is built, so give the time it goes out',
      });
    }
    if (render) bodies.set(article.file, await checkBody(render, path, source, bodyCache));
    report.articles.push(article);
  }
  const redirectedFrom = new Set(report.articles.flatMap((article) => article.data?.redirectFrom ?? []));
  report.problems.push(
    ...redirectProblems(report.articles, owners),
    ...(await lockProblems(contentDir, (path) => owners.has(path) || redirectedFrom.has(path), cwd)),
  );
  frontmatterCache?.save();
  return { report, bodies };
}

/**
 * The frontmatter pass: every article's frontmatter, its permalink, and the
 * problems it shows alone or beside the others (permalinks, redirects, the
 * permalinks lock). What the site needs to know of its articles up front.
 */
export async function checkFrontmatter(contentDir: string, options: CheckOptions = {}): Promise<ContentReport> {
  const { report } = await readContent(contentDir, options);
  sortProblems(report.problems);
  return report;
}

/**
 * What the rendered bodies add: each body's own problems, and links to
 * articles or sections that do not exist. `bodies` are by article file.
 */
export function checkBodies(report: FrontmatterReport, bodies: ReadonlyMap<string, RenderedBody>): ContentProblem[] {
  const idsByPermalink = new Map<string, ReadonlySet<string>>();
  for (const { file, permalink } of report.articles) {
    if (permalink && !idsByPermalink.has(permalink))
      idsByPermalink.set(permalink, new Set(bodies.get(file)?.report?.ids));
  }
  const pages = sitePages(report.articles);
  // A file Astro could not read is already explained by its frontmatter's errors.
  const withFrontmatterErrors = new Set(report.problems.filter(isError).map(({ file }) => file));
  return report.articles.flatMap(({ file }) => {
    const body = bodies.get(file);
    if (!body || (body.failure && withFrontmatterErrors.has(file))) return [];
    const ids = new Set(body.report?.ids);
    return [...bodyProblems(file, body), ...brokenLinks(file, body.report?.links ?? [], ids, idsByPermalink, pages)];
  });
}

/** `npm run check`: the frontmatter pass, and every body through the article pipeline. */
export async function checkContent(
  contentDir: string,
  render: RenderArticle,
  options: CheckOptions = {},
): Promise<ContentReport> {
  const { report, bodies } = await readContent(contentDir, options, render);
  report.problems.push(...checkBodies(report, bodies));
  sortProblems(report.problems);
  return report;
}
