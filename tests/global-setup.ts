import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILDS, buildLog, buildTestSite, PROJECT_ROOT } from './helpers/builds.ts';

/**
 * Builds the test sites once before any test file runs. One at a time: every
 * build rewrites the project's .astro/ folder, which Astro reads back.
 */
export async function globalSetup() {
  await rm(join(PROJECT_ROOT, '.test-builds'), { recursive: true, force: true });
  for (const build of Object.values(BUILDS)) {
    const result = await buildTestSite(build);
    if (result.code !== 0) throw new Error(`The ${build.name} test build failed:\n${result.output}`);
    await writeFile(buildLog(build), result.output);
  }
}
