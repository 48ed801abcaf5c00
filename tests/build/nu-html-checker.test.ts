import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILDS, htmlFiles } from '../helpers/builds.ts';

/**
 * The W3C Nu Html Checker, a checker this project did not write, on every
 * page of every test build: no errors. It runs on Debian's Java; without it
 * the test is skipped with a loud notice, except under CI, whose .ci/run
 * installs default-jre-headless.
 */

const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');
const hasJava = spawnSync('java', ['-version']).status === 0;
if (!hasJava) {
  const notice = 'NO JAVA: the Nu Html Checker cannot run. Install it: apt-get install -y default-jre-headless';
  if (process.env.CI) throw new Error(notice);
  console.warn(`\n${'!'.repeat(notice.length)}\n${notice}\n${'!'.repeat(notice.length)}\n`);
}

describe('the Nu Html Checker', { skip: !hasJava && 'no Java on this machine' }, () => {
  it('finds no error on any page of any build', async () => {
    const pages = (
      await Promise.all(
        Object.values(BUILDS).map(async (build) => (await htmlFiles(build.dir)).map((file) => join(build.dir, file))),
      )
    ).flat();
    const checker = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...pages], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const { messages } = JSON.parse(checker.stderr) as {
      messages: Array<{ url: string; lastLine?: number; message: string }>;
    };
    assert.deepEqual(
      messages.map(
        ({ url, lastLine, message }) => `${url.slice(url.indexOf('.test-builds/'))}:${lastLine}: ${message}`,
      ),
      [],
    );
    assert.ok(pages.length > 50, `${pages.length} pages checked`);
  });
});
