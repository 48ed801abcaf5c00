import type { SiteLink } from '../markdown/body-report.ts';
import type { ContentProblem } from './problems.ts';

/** A permalink-shaped site path: /2025/09/02/slug/ */
const ARTICLE_PATH = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/;

/**
 * Links to an article that does not exist, or to a section its page does not
 * have. `ownIds` are the ids on the linking article's page, and `idsByPermalink`
 * those on every article's. Lines are the file's.
 */
export function brokenLinks(
  file: string,
  links: SiteLink[],
  ownIds: ReadonlySet<string>,
  idsByPermalink: ReadonlyMap<string, ReadonlySet<string>>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { url, line } of links) {
    const hash = url.indexOf('#');
    const path = hash >= 0 ? url.slice(0, hash) : url;
    // The pipeline has reported a link it cannot decode, and kept it out of the report.
    const id = hash >= 0 ? decodeURIComponent(url.slice(hash + 1)) : '';
    let ids = ownIds;
    if (path) {
      // Other pages of the site, such as topics, are checked by the build's crawler, not here.
      if (!ARTICLE_PATH.test(path)) continue;
      const target = idsByPermalink.get(path.endsWith('/') ? path : `${path}/`);
      if (!target) {
        problems.push({
          file,
          line,
          field: 'body',
          message: `links to ${url}, an article that does not exist: fix the link or remove it`,
        });
        continue;
      }
      ids = target;
    }
    // A text fragment (#:~:text=) names a passage, not a section.
    if (id && !id.startsWith(':~:') && !ids.has(id)) {
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
