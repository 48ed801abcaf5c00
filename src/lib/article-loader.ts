import { resolve } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { checkContent, formatProblem } from './content-check.ts';

/** Raised before Astro loads anything, so that the editor sees every problem at once. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * Astro's glob loader over `<contentDir>/articles/**\/*.md`, with two changes.
 * First, the whole folder is checked before anything is loaded, and all its
 * problems are reported together. Second, each entry is validated with its
 * frontmatter as written, dates still text, so that the schema can refuse an
 * impossible date that YAML would roll over.
 */
export function articleLoader(contentDir: string): Loader {
  const articlesDir = resolve(contentDir, 'articles');
  const files = glob({ pattern: '**/*.md', base: articlesDir, generateId: ({ entry }) => entry.replace(/\.md$/, '') });
  return {
    name: 'nyhetsleser-articles',
    async load(context) {
      const report = await checkContent(contentDir);
      if (report.problems.length) {
        const count = report.problems.length === 1 ? 'a problem' : `${report.problems.length} problems`;
        throw new ContentError(`The articles have ${count}:\n${report.problems.map(formatProblem).join('\n')}`);
      }
      const frontmatterByFile = new Map(report.articles.map((article) => [resolve(article.file), article.frontmatter]));
      await files.load({
        ...context,
        parseData: (entry) =>
          context.parseData({
            ...entry,
            data: (entry.filePath && frontmatterByFile.get(resolve(entry.filePath))) || entry.data,
          } as typeof entry),
      });
    },
  };
}
