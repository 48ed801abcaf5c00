import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { htmlPolicyViolations } from '../markdown/html-policy.ts';
import { NestingLimitError, assertNestingLimit } from '../markdown/nesting-limit.ts';
import { createSlugAllocator, slugify } from '../markdown/slug.ts';

/**
 * The checks one article's body needs on its own: photos that exist, HTML the
 * policy allows, and headings whose ids do not collide. It also collects the
 * section ids and internal links, which the content check resolves across
 * every article.
 */

export interface BodyProblem {
  line: number | undefined;
  message: string;
  severity: 'error' | 'warning';
  /** HTML that the pipeline's policy removes from the page. */
  removedFromPage?: true;
}

export interface BodyReport {
  problems: BodyProblem[];
  /** The ids the page will give its sections, as rehype-heading-ids gives them. */
  headingIds: Set<string>;
  /** Links to a site path or a section: `/2025/09/02/slug/#id`, `#id`. */
  internalLinks: Array<{ url: string; line: number | undefined }>;
}

const parser = unified().use(remarkParse).use(remarkGfm);

function isLocalFile(url: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url);
}

/** `lineOffset` is the file line the body starts on, so that lines name the file, not the body. */
export function checkArticleBody(folder: string, body: string, lineOffset: number): BodyReport {
  const tree = parser.parse(body) as Root;
  const report: BodyReport = { problems: [], headingIds: new Set(), internalLinks: [] };
  try {
    assertNestingLimit(tree);
  } catch (error) {
    if (!(error instanceof NestingLimitError)) throw error;
    // The other checks walk the tree recursively, so a tree this deep is not walked.
    report.problems.push({ line: undefined, severity: 'error', message: error.message });
    return report;
  }
  const at = (node: { position?: { start: { line: number } } | undefined }) =>
    node.position ? node.position.start.line + lineOffset - 1 : undefined;

  // Only raw HTML or a link with a scheme of its own can break the HTML policy; most articles have neither.
  let mayBreakHtmlPolicy = false;
  const allocate = createSlugAllocator('seksjon');
  const firstWithSlug = new Map<string, string>();
  visit(tree, (node) => {
    if (node.type === 'image' && isLocalFile(node.url) && !existsSync(resolve(folder, decodeURI(node.url)))) {
      report.problems.push({
        line: at(node),
        severity: 'error',
        message: `shows the photo "${node.url}", which does not exist: put the photo next to the article or fix the path`,
      });
    }
    if (
      node.type === 'html' ||
      ('url' in node && /^\s*[^/#.?\s][^/#?]*:/.test(String(node.url)) && !/^(https?|mailto):/i.test(String(node.url)))
    ) {
      mayBreakHtmlPolicy = true;
    }
    if ((node.type === 'link' || node.type === 'definition') && /^[/#]/.test(node.url) && !node.url.startsWith('//')) {
      report.internalLinks.push({ url: node.url, line: at(node) });
    }
    if (node.type === 'heading') {
      const text = toString(node as Heading).trim();
      const id = allocate(text);
      report.headingIds.add(id);
      const base = slugify(text) || 'seksjon';
      const first = firstWithSlug.get(base);
      if (first === undefined) {
        firstWithSlug.set(base, text);
      } else {
        report.problems.push({
          line: at(node),
          severity: 'warning',
          message: `the heading «${text}» gets the id #${id}, since «${first}» already has #${base}: a link to it breaks if the other is changed, so give it other words`,
        });
      }
    }
  });

  if (!mayBreakHtmlPolicy) return report;
  try {
    for (const violation of htmlPolicyViolations(body)) {
      report.problems.push({
        line: violation.line && violation.line + lineOffset - 1,
        severity: 'error',
        message: violation.message,
        removedFromPage: true,
      });
    }
  } catch (error) {
    if (!(error instanceof NestingLimitError)) throw error;
    report.problems.push({ line: undefined, severity: 'error', message: error.message });
  }
  return report;
}
