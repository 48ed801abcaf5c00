import { mkdtemp, readdir } from 'node:fs/promises';
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
