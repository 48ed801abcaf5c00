import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { processTree, rssOf } from '../../scripts/bench/measure.ts';

describe('the bench’s process tree', () => {
  it('finds a process, its child and its grandchild, and their memory', async (t) => {
    if (!existsSync('/proc/self/task')) return t.skip('processes are listed in /proc on Linux only');
    // A child that starts a grandchild, prints its pid, and both wait.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const g = require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
         console.log(g.pid); setTimeout(() => {}, 60000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let grandchild = 0;
    try {
      grandchild = Number(await new Promise<string>((done) => child.stdout.once('data', (data) => done(`${data}`))));
      const tree = processTree(process.pid);
      assert.ok(tree.includes(child.pid as number), 'the child');
      assert.ok(tree.includes(grandchild), 'the grandchild');
      assert.equal(tree[0], process.pid);
      assert.equal(new Set(tree).size, tree.length, 'each once');
      assert.deepEqual(processTree(child.pid as number).slice(0, 2), [child.pid, grandchild]);
      assert.ok(rssOf(processTree(child.pid as number)) > rssOf([child.pid as number]), 'the grandchild’s memory too');
    } finally {
      child.kill();
      if (grandchild) process.kill(grandchild);
    }
  });

  it('counts nothing for a process that has ended', () => {
    assert.deepEqual(processTree(2 ** 30), [2 ** 30]);
    assert.equal(rssOf([2 ** 30]), 0);
  });
});
