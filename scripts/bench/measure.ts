import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Wall time and the peak resident memory of a command and every process it starts, read from /proc. */

export interface Measurement {
  seconds: number;
  peakRssBytes: number;
}

/** A file of /proc, or nothing where the process or thread has ended. */
function procFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * A process and all it has started, from the children Linux lists for each
 * thread. Synchronous, and only the tree's own files: the bench's first
 * sampler read the status of every process on the machine ten times a
 * second, a promise each, and took a quarter of a core from the build it
 * measured (32 CPU-seconds of a 126-second build at 10,000 articles).
 */
export function processTree(root: number): number[] {
  const tree = [root];
  for (let index = 0; index < tree.length; index++) {
    const pid = tree[index] as number;
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const thread of threads) {
      const children = procFile(`/proc/${pid}/task/${thread}/children`).split(' ').filter(Boolean);
      tree.push(...children.map(Number));
    }
  }
  return tree;
}

/** The resident memory of the processes, summed. */
export function rssOf(pids: number[]): number {
  return pids.reduce((total, pid) => {
    const status = procFile(`/proc/${pid}/status`);
    return total + Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }, 0);
}

export async function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, rssOf(processTree(child.pid)));
  }, 100);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${errors.slice(-4000)}`);
  return { seconds: (performance.now() - started) / 1000, peakRssBytes: peak };
}

/** The bytes of every file below a folder. */
export async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
