import assert from 'node:assert/strict';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunOptions, type RunResult, runScript } from './run.ts';

/**
 * Runs the NTB import as `npm run import` does, against the given content
 * folder. An import takes a second or two: one still running after 30 s is
 * hanging on its input, and is killed.
 */
export function runImport(
  args: string[],
  { contentDir, stdin }: { contentDir: string; stdin?: RunOptions['stdin'] },
): Promise<RunResult> {
  return runScript('ntb/import.ts', args, { CONTENT_DIR: contentDir }, { stdin, timeout: 30_000 });
}

export function temporaryFolder(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `nyhetsleser-${prefix}-`));
}

/** Every file below a folder, relative to it, sorted. */
export async function filesBelow(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

/**
 * Imports a bad input and asserts it is refused in one line naming the
 * problem, with nothing written. The input is a fixture by name
 * ("fixture:no-date.txt") or text or bytes, which are written to a temporary file.
 */
export async function assertRefusedInOneLine(
  input: string | Uint8Array,
  message: RegExp,
  fixtures: string,
): Promise<RunResult> {
  const contentDir = await temporaryFolder('import');
  let file: string;
  if (typeof input === 'string' && input.startsWith('fixture:')) {
    file = join(fixtures, input.slice('fixture:'.length));
  } else {
    file = join(await temporaryFolder('wire'), 'synthetic-input.txt');
    await writeFile(file, input);
  }
  const result = await runImport([file], { contentDir });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^error: [^\n]+\n$/, 'one line on standard error');
  assert.match(result.stderr, message);
  assert.deepEqual(await filesBelow(contentDir), []);
  return result;
}
