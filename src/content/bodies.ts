import { pathToFileURL } from 'node:url';
import type { BodyReport } from '../markdown/body-report.ts';
import { bodyLineOffset } from './frontmatter.ts';
import type { ContentProblem } from './problems.ts';

/**
 * Renders a whole article file, frontmatter and body, through the article
 * pipeline: Astro's loader context's `renderMarkdown` in a build, the same
 * pipeline made by `createArticleRenderer` in `npm run check`.
 */
export type RenderArticle<Rendered extends RenderedArticle = RenderedArticle> = (
  source: string,
  options: { fileURL: URL },
) => Promise<Rendered>;

/** What the check reads of a rendered article; Astro's rendered content has more. */
export interface RenderedArticle {
  html: string;
  metadata?: { frontmatter?: Record<string, unknown>; localImagePaths?: unknown };
}

/** What the content check needs of a rendered body: its report, with lines counted from the top of the file. */
export interface RenderedBody {
  report?: BodyReport | undefined;
  /** Why the file could not be rendered, when it could not. */
  failure?: Omit<ContentProblem, 'file'> | undefined;
}

/** The body report the pipeline left in the rendered article's plugin frontmatter. */
export function bodyReportOf(rendered: RenderedArticle): BodyReport | undefined {
  return rendered.metadata?.frontmatter?.bodyReport as BodyReport | undefined;
}

/** The report's lines moved from the body's to the file's, whose body starts `offset` lines down. */
export function inFileLines(report: BodyReport, offset: number): BodyReport {
  const at = <T extends { line?: number | undefined }>(item: T): T => ({
    ...item,
    line: item.line && item.line + offset,
  });
  return { ids: report.ids, problems: report.problems.map(at), links: report.links.map(at) };
}

/** Renders one article for its report; a body that cannot be rendered is a problem, not a crash. */
export async function renderForReport<Rendered extends RenderedArticle>(
  render: RenderArticle<Rendered>,
  path: string,
  source: string,
) {
  try {
    const rendered = await render(source, { fileURL: pathToFileURL(path) });
    const report = bodyReportOf(rendered);
    return {
      rendered,
      body: { report: report && inFileLines(report, bodyLineOffset(source)) } satisfies RenderedBody,
    };
  } catch (error) {
    return { rendered: undefined, body: { failure: renderFailure(error) } };
  }
}

/**
 * Why Astro could not render a file, as a problem of the file: its YAML
 * reader (js-yaml) refuses some frontmatter that the check's reader takes,
 * and says where.
 */
function renderFailure(error: unknown): Omit<ContentProblem, 'file'> {
  const { name, reason, mark, message } = error as {
    name?: string;
    reason?: string;
    mark?: { line: number };
    message?: string;
  };
  if (name === 'YAMLException' && reason) {
    return {
      line: mark && mark.line + 1,
      field: 'frontmatter',
      message: `is not YAML that Astro can read: ${reason}`,
    };
  }
  return { field: 'body', message: `could not be rendered: ${String(message).split('\n')[0]}` };
}

/** A body's own problems, as content problems of its file. */
export function bodyProblems(file: string, body: RenderedBody): ContentProblem[] {
  if (body.failure) return [{ ...body.failure, file }];
  return (body.report?.problems ?? []).map(({ line, message, severity }) => ({
    file,
    line,
    field: 'body',
    message,
    ...(severity === 'warning' && { severity }),
  }));
}
