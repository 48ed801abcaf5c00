import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { type ContentReport, checkArticleSource, checkContent, formatProblem, isError } from './check.ts';
import { BODIES_CHECKED } from '../site/config.ts';

/** Raised before Astro loads anything, so that the editor sees every problem at once. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * Where the config leaves its report for the loader. Astro loads the config
 * and the collections as separate module graphs, so the one place both see is
 * the global object.
 */
const CONFIG_REPORT = Symbol.for('nyhetsleser.config-frontmatter-report');

type SharedReport = { contentDir: string; report: ContentReport };

/**
 * Hands the report of the config's frontmatter-only check to the loader's
 * next load, which then need not read every article's frontmatter again (3 s
 * at 10,000 articles). It is taken once: a later load, as in `astro dev`,
 * reads the files as they are then.
 */
export function shareFrontmatterReport(contentDir: string, report: ContentReport): void {
  (globalThis as { [CONFIG_REPORT]?: SharedReport })[CONFIG_REPORT] = { contentDir: resolve(contentDir), report };
}

/** The shared report, if there is one for this folder; either way there is none after. */
export function takeFrontmatterReport(contentDir: string): ContentReport | undefined {
  const global = globalThis as { [CONFIG_REPORT]?: SharedReport };
  const shared = global[CONFIG_REPORT];
  delete global[CONFIG_REPORT];
  return shared?.contentDir === resolve(contentDir) ? shared.report : undefined;
}

/**
 * The report the loader acts on. `npm run build` checks the bodies in full
 * beside Astro, and then the config's frontmatter-only report is enough;
 * anything else, `astro build` or `astro dev`, checks the articles in full.
 */
export async function loaderReport(contentDir: string): Promise<ContentReport> {
  const shared = takeFrontmatterReport(contentDir);
  const bodies = process.env[BODIES_CHECKED] !== '1';
  return (!bodies && shared) || checkContent(contentDir, { bodies });
}

/** An article's frontmatter as written, dates still text, read from its file as it is now. */
async function frontmatterAsWritten(path: string): Promise<Record<string, unknown>> {
  return checkArticleSource(relative(process.cwd(), path), await readFile(path, 'utf8')).article.frontmatter;
}

/** The code that renders articles: the markdown plugins and the library they use. */
const PIPELINE_DIRS = ['src/markdown', 'src/content'].map((dir) => resolve(dir));

/** A hash of the rendering code, so that cached renders are dropped when it changes. */
async function pipelineDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of PIPELINE_DIRS) {
    for (const name of (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.ts')).sort()) {
      hash.update(name).update(await readFile(join(dir, name)));
    }
  }
  return hash.digest('hex');
}

/**
 * Astro's glob loader over `<contentDir>/articles/**\/*.md`, with two changes.
 * First, the whole folder is checked before anything is loaded, and all its
 * problems are reported together. Second, each entry is validated with its
 * frontmatter as written, dates still text, so that the schema can refuse an
 * impossible date that YAML would roll over. And since Astro keeps rendered
 * articles between builds and knows only when the config or the files change,
 * the store is cleared when the markdown pipeline's code changes.
 */
export function articleLoader(contentDir: string): Loader {
  const articlesDir = resolve(contentDir, 'articles');
  const files = glob({
    pattern: '**/*.md',
    base: articlesDir,
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    // Pages use the rendered HTML; the markdown would be a third of the store, which the build bundles into its own code.
    retainBody: false,
  });
  return {
    name: 'nyhetsleser-articles',
    async load(context) {
      const report = await loaderReport(contentDir);
      // HTML the pipeline removes is refused by npm run check, but does not stop Astro: the page builds without it.
      const errors = report.problems.filter((problem) => isError(problem) && !problem.removedFromPage);
      for (const problem of report.problems.filter((candidate) => !errors.includes(candidate))) {
        context.logger.warn(formatProblem(problem));
      }
      if (errors.length) {
        const count = errors.length === 1 ? 'a problem' : `${errors.length} problems`;
        throw new ContentError(`The articles have ${count}:\n${errors.map(formatProblem).join('\n')}`);
      }
      const digest = await pipelineDigest();
      if (context.meta.get('pipeline-digest') !== digest) {
        context.store.clear();
        context.meta.set('pipeline-digest', digest);
      }
      const frontmatterByFile = new Map(report.articles.map((article) => [resolve(article.file), article.frontmatter]));
      let loaded = false;
      await files.load({
        ...context,
        parseData: async (entry) => {
          const path = entry.filePath && resolve(entry.filePath);
          // After the load, the glob loader's file watcher (astro dev) calls this for an article just edited.
          const frontmatter = path && (loaded ? await frontmatterAsWritten(path) : frontmatterByFile.get(path));
          return context.parseData({ ...entry, data: frontmatter || entry.data } as typeof entry);
        },
      });
      loaded = true;
    },
  };
}
