import { fragmentForms, type SiteLink } from '../markdown/body-report.ts';
import type { ContentProblem } from './problems.ts';
import { isSitePage } from './site-paths.ts';

/** A permalink-shaped site path: /2025/09/02/slug/ */
const ARTICLE_PATH = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/;

/**
 * Links to a page the site does not have, an article that does not exist, or
 * a section its page does not have. `ownIds` are the ids on the linking
 * article's page, `idsByPermalink` those on every article's, and `pages` every
 * other page the site makes (site-paths.ts). Lines are the file's.
 */
export function brokenLinks(
  file: string,
  links: SiteLink[],
  ownIds: ReadonlySet<string>,
  idsByPermalink: ReadonlyMap<string, ReadonlySet<string>>,
  pages: ReadonlySet<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const problem = (line: number | undefined, message: string) => problems.push({ file, line, field: 'body', message });
  for (const { url, line } of links) {
    const { pathname, hash } = new URL(url, 'https://nyhetsleser.invalid/');
    let ids = ownIds;
    if (!url.startsWith('#')) {
      const path = pathname.endsWith('/') || pathname.includes('.') ? pathname : `${pathname}/`;
      if (!ARTICLE_PATH.test(pathname)) {
        if (!isSitePage(path, pages))
          problem(line, `links to ${url}, a page the site does not have: fix the link or remove it`);
        continue;
      }
      const target = idsByPermalink.get(path);
      if (!target) {
        problem(line, `links to ${url}, an article that does not exist: fix the link or remove it`);
        continue;
      }
      ids = target;
    }
    // A text fragment (#:~:text=) names a passage, not a section.
    if (hash.length > 1 && !hash.startsWith('#:~:') && !fragmentForms(hash.slice(1)).some((id) => ids.has(id))) {
      const known = [...ids].map((id) => `#${id}`).join(', ');
      problem(
        line,
        `links to ${url}, a section that does not exist: link to ${known ? `one of ${known}` : 'the article itself'}`,
      );
    }
  }
  return problems;
}
