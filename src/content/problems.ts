/**
 * A problem in the content, as the check and the build both report it: one
 * line, `path:line: field: message`, the form editors' tools jump to.
 */

export interface ContentProblem {
  /** The article's path as the editor knows it, relative to the working folder. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number | undefined;
  /** The frontmatter field (`photo.caption`), or what part of the file is at fault (`body`). */
  field: string;
  message: string;
  /** Warnings are shown but do not stop a build, unless the check is strict. Errors always do. */
  severity?: 'warning' | undefined;
}

export function formatProblem({ file, line, field, message, severity }: ContentProblem): string {
  return `${file}${line ? `:${line}` : ''}: ${field}: ${severity ? `${severity}: ` : ''}${message}`;
}

export const isError = (problem: ContentProblem) => problem.severity !== 'warning';

/** In the order an editor reads them: by file, then by line. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/**
 * The articles have errors. Its message is the problems, one a line, and
 * nothing else: where the code stood when it found them is of no use to an
 * editor, so it has no stack.
 */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(errors: ContentProblem[]) {
    const count = errors.length === 1 ? 'a problem' : `${errors.length} problems`;
    super(`The articles have ${count}:\n${errors.map(formatProblem).join('\n')}`);
    this.stack = '';
  }
}
