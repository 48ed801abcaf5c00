import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { bodyProblems, type RenderedBody, inFileLines, bodyReportOf, renderForReport } from './bodies.ts';
import { ARTICLE_BODIES_DIR, keepBody, removeUnusedBodies } from './article-bodies.ts';
import { contentKey } from './cache-file.ts';
import { checkBodies, type FrontmatterReport } from './check.ts';
import { ARTICLE_CODE, codeDigest } from './code-digest.ts';
import { bodyPhotosSignature } from './photo-signature.ts';
import { type ArticleFile, bodyLineOffset, leadPhotoProblems, readFrontmatter } from './frontmatter.ts';
import { ContentError, type ContentProblem, formatProblem, isError, sortProblems } from './problems.ts';

/** Articles loaded at once: while one waits on its photos' files, another renders. */
const LOADING_AT_ONCE = 8;

/**
 * The code whose output the store keeps: the article pipeline and schema, and this loader, which gives it its
 * form, with all they import. Some of the loader's imports shape what it stores (the digest, the line offset,
 * the photos' signature), and a change to one that does not costs one slower build.
 */
export const STORE_CODE = [...ARTICLE_CODE, fileURLToPath(import.meta.url)];

/**
 * Metadata without its empty strings and lists, such as the image paths of an article without photos: Astro
 * bundles the whole store into the code that renders the pages at every build, names and all.
 */
function withoutEmptyValues(metadata: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0)),
  );
}

export interface ArticleLoaderOptions {
  /** The content folder; articles are `articles/**\/*.md` in it. */
  contentDir: string;
  /** The config's frontmatter pass over every article, made once for the whole build. */
  report: FrontmatterReport;
}

/**
 * The articles collection. Every article is read once: its frontmatter as the
 * config's frontmatter pass found it (dates still text, so that the schema
 * can refuse an impossible one), its body rendered by the article pipeline,
 * which reports the body's problems as it renders. An article whose file and
 * photos have not changed keeps what the store has of it, report included. When anything
 * is wrong, the load stops with every problem in every article at once, each
 * as `path:line: field: message`; `npm run check` prints the same lines.
 */
export function articleLoader({ contentDir, report }: ArticleLoaderOptions): Loader {
  const articlesDir = resolve(contentDir, 'articles');
  const idOf = (path: string) => relative(articlesDir, path).replace(/\.md$/, '').split(sep).join('/');
  const bodiesDir = (context: LoaderContext) =>
    fileURLToPath(new URL(`${ARTICLE_BODIES_DIR}/`, context.config.cacheDir));

  /**
   * Stores one article unless its frontmatter has errors, and returns its body's report. Its file is read only
   * when its `digest`, from the frontmatter pass, is not the one the store has.
   */
  async function loadArticle(
    context: LoaderContext,
    { file, frontmatter, digest }: Pick<ArticleFile, 'file' | 'frontmatter' | 'digest'>,
    valid: boolean,
  ) {
    const path = resolve(file);
    const id = idOf(path);
    const stored = context.store.get(id);
    // The photos beside an unchanged article can have changed: it is kept only while they are as they were.
    const photosKept = async (metadata: Record<string, unknown> | undefined) =>
      (metadata?.photosSignature ?? '') === (await bodyPhotosSignature(dirname(path), metadata?.localImagePaths));
    const { bodyLineOffset: offset, bodyFile } = stored?.rendered?.metadata ?? {};
    if (
      valid &&
      stored?.digest === digest &&
      stored.rendered &&
      typeof offset === 'number' &&
      typeof bodyFile === 'string' &&
      existsSync(bodyFile) &&
      (await photosKept(stored.rendered.metadata))
    ) {
      const kept = bodyReportOf({ html: stored.rendered.html, metadata: stored.rendered.metadata ?? {} });
      return { report: kept && inFileLines(kept, offset) } satisfies RenderedBody;
    }
    const source = readFileSync(path, 'utf8');
    const { rendered, body } = await renderForReport(context.renderMarkdown, path, source);
    if (!valid || !rendered) return body;
    const data = await context.parseData({ id, data: frontmatter, filePath: path });
    // The entry's data holds the frontmatter: the store needs again only what the plugins added to it.
    const added = Object.entries(rendered.metadata?.frontmatter ?? {}).filter(([field]) => !(field in frontmatter));
    const { headings = [], ...rest } = rendered.metadata ?? {};
    const metadata = withoutEmptyValues({
      ...rest,
      frontmatter: Object.fromEntries(added),
      photosSignature: await bodyPhotosSignature(dirname(path), rendered.metadata?.localImagePaths),
      bodyLineOffset: bodyLineOffset(source),
      bodyFile: keepBody(bodiesDir(context), { html: rendered.html, headings }),
    });
    // Astro keeps an entry whose digest it has: this one replaces it, as the stored one was not fit to keep.
    context.store.delete(id);
    context.store.set({
      id,
      data,
      filePath: relative(fileURLToPath(context.config.root), path),
      // Of the text rendered, which an editor may have saved again since the frontmatter pass read it.
      digest: contentKey(file, source),
      // The body is in its file; src/site/articles.ts puts it back for the page.
      rendered: { html: '', metadata },
      assetImports: rendered.metadata?.imagePaths,
    });
    return body;
  }

  /** `astro dev`: an article added or edited is read afresh, and its problems are shown rather than stopping the server. */
  function watch(context: LoaderContext) {
    context.watcher?.add(articlesDir);
    context.watcher?.on('all', async (event, path) => {
      if (!path.startsWith(articlesDir + sep) || !path.endsWith('.md')) return;
      if (event === 'unlink') context.store.delete(idOf(path));
      if (event !== 'add' && event !== 'change') return;
      const read = readFrontmatter(relative(process.cwd(), path), readFileSync(path, 'utf8'));
      const { article } = read;
      const problems = [...read.problems, ...(await leadPhotoProblems(article, dirname(path)))];
      const valid = !problems.some(isError);
      const body = await loadArticle(context, article, valid);
      for (const problem of [...problems, ...bodyProblems(article.file, body)])
        context.logger.warn(formatProblem(problem));
    });
  }

  return {
    name: 'nyhetsleser-articles',
    async load(context) {
      const digest = await codeDigest(STORE_CODE);
      if (context.meta.get('code-digest') !== digest) {
        context.store.clear();
        context.meta.set('code-digest', digest);
      }
      const withErrors = new Set(report.problems.filter(isError).map(({ file }) => file));
      const bodies = new Map<string, RenderedBody>();
      const unread = report.articles.values();
      await Promise.all(
        Array.from({ length: LOADING_AT_ONCE }, async () => {
          for (const article of unread) {
            bodies.set(article.file, await loadArticle(context, article, !withErrors.has(article.file)));
          }
        }),
      );
      const loaded = new Set(report.articles.map(({ file }) => idOf(resolve(file))));
      for (const id of context.store.keys()) if (!loaded.has(id)) context.store.delete(id);
      const shown = context.store.keys().map((id) => context.store.get(id)?.rendered?.metadata?.bodyFile);
      removeUnusedBodies(bodiesDir(context), new Set(shown.filter((file) => typeof file === 'string')));
      const problems: ContentProblem[] = sortProblems([...report.problems, ...checkBodies(report, bodies)]);
      for (const warning of problems.filter((problem) => !isError(problem)))
        context.logger.warn(formatProblem(warning));
      const errors = problems.filter(isError);
      if (errors.length) throw new ContentError(errors);
      watch(context);
    },
  };
}
