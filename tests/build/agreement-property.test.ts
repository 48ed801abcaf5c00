import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { astroBuild } from '../helpers/builds.ts';
import { contentFolder } from '../helpers/content-folder.ts';
import { randomContentFolder } from '../helpers/random-articles.ts';
import { runScript } from '../helpers/run.ts';

/**
 * The agreement of `npm run check` and `npm run build` on small random
 * synthetic articles, built for real in a temporary folder: the build
 * succeeds exactly when the check finds no error, and otherwise refuses with
 * the lines the check prints. A real build takes seconds, so `npm test` makes
 * a few; the loader's unit test runs the same property many times without Astro.
 */

describe('npm run check and npm run build on random articles', () => {
  it('agree', async () => {
    await fc.assert(
      fc.asyncProperty(randomContentFolder, async (files) => {
        const root = await contentFolder(files);
        // Both print paths from the project's folder, where they run.
        const problemLine = (line: string) => line.includes('/articles/2025/09/02/') && !line.includes(': warning: ');
        const check = await runScript('check-content.ts', [], { CONTENT_DIR: root });
        const build = await astroBuild({
          outDir: join(root, 'dist'),
          contentDir: root,
          cacheDir: join(root, 'cache'),
        });
        const checked = check.stdout.split('\n').filter(problemLine);
        assert.equal(build.code === 0, check.code === 0, `${check.stdout}\n${build.output}`);
        assert.deepEqual(build.output.split('\n').filter(problemLine), checked);
      }),
      { numRuns: Number(process.env.BUILD_FUZZ_RUNS ?? 3) },
    );
  });
});
