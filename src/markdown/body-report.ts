import type { Node } from 'unist';
import type { VFile } from 'vfile';

/**
 * What the pipeline learns of an article's body while it renders it, for the
 * content check: the problems it found, the ids on the page, and the links
 * to other pages of the site. The plugins that find a problem also render
 * around it, so that a bad body never crashes the build: the check refuses it.
 */

/** A problem at a line of the body as the pipeline parsed it (the file's line is the loader's to add). */
export interface BodyProblem {
  line?: number | undefined;
  message: string;
  severity: 'error' | 'warning';
}

/** A link to a section of the page, `#id`, or a path of the site, `/2025/09/02/slug/#id`, as written. */
export interface SiteLink {
  url: string;
  line?: number | undefined;
}

/**
 * The ids a link's fragment may name, as written and as read: a footnote's id
 * keeps its label as written (fn-%C3%B8), an HTML anchor's is read (på-tvers).
 * The fragment must be decodable; the pipeline reports one that is not.
 */
export function fragmentForms(fragment: string): string[] {
  return [fragment, decodeURIComponent(fragment)];
}

export interface BodyReport {
  problems: BodyProblem[];
  ids: string[];
  links: SiteLink[];
}

declare module 'vfile' {
  interface DataMap {
    bodyReport: BodyReport;
  }
}

/** The report being made for this file. */
export function bodyReport(file: VFile): BodyReport {
  return (file.data.bodyReport ??= { problems: [], ids: [], links: [] });
}

export function reportProblem(
  file: VFile,
  node: Node | undefined,
  message: string,
  severity: BodyProblem['severity'] = 'error',
): void {
  bodyReport(file).problems.push({ line: node?.position?.start.line, message, severity });
}
