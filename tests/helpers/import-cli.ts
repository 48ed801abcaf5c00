import { spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './builds.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the NTB import as `npm run import` does, against the given content folder. */
export function runImport(
  args: string[],
  { contentDir, stdin }: { contentDir: string; stdin?: Uint8Array | string },
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/import-ntb.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
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
