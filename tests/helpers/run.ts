import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PROJECT_ROOT } from './builds.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** What the script reads on standard input; a number is a file descriptor it reads itself, e.g. /dev/zero. */
  stdin?: Uint8Array | string | number;
  /** Milliseconds before the script is killed (code null), so that one that hangs fails its test, not the run. */
  timeout?: number;
}

/** Runs one of the project's scripts as its npm script would, with extra environment. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  { stdin, timeout }: RunOptions = {},
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: [typeof stdin === 'number' ? stdin : 'pipe', 'pipe', 'pipe'],
      timeout,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    // Pipes, as stdio asks; a descriptor for standard input loses spawn's typing of them.
    (child.stdout as Readable).on('data', (chunk) => (stdout += chunk));
    (child.stderr as Readable).on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    if (typeof stdin !== 'number') child.stdin?.end(stdin ?? '');
  });
}
