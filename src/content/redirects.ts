import type { ArticleFile } from './frontmatter.ts';
import type { ContentProblem } from './problems.ts';
import { RESERVED_PATH } from './site-paths.ts';

/**
 * Redirect problems: a redirect from a page the site generates, from a live
 * permalink, or from a path another article already redirects from.
 * `owners` is every live permalink and the article that has it.
 */
export function redirectProblems(articles: ArticleFile[], owners: Map<string, ArticleFile>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const redirected = new Map<string, string>();
  for (const article of articles) {
    article.data?.redirectFrom.forEach((path, index) => {
      const problem = (message: string) =>
        problems.push({
          file: article.file,
          line: article.lineOf?.(['redirectFrom', index]),
          field: `redirectFrom.${index}`,
          message,
        });
      const live = owners.get(path);
      const other = redirected.get(path);
      if (RESERVED_PATH.test(path)) {
        problem(`is ${path}, a page the site makes itself: only an old article's permalink can redirect`);
      } else if (live) {
        problem(`is ${path}, the live permalink of ${live.file}: a page that exists cannot also redirect`);
      } else if (other) {
        problem(`is ${path}, which ${other} already redirects from: keep it in one article`);
      } else {
        redirected.set(path, article.file);
      }
    });
  }
  return problems;
}

/** Every redirect the articles declare: from an old permalink to the article's live one. */
export function redirectsOf(articles: ArticleFile[]): Array<{ from: string; to: string }> {
  return articles.flatMap(({ data, permalink }) =>
    permalink ? (data?.redirectFrom ?? []).map((from) => ({ from, to: permalink })) : [],
  );
}
