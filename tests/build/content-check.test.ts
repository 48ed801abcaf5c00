import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { runScript } from '../helpers/run.ts';

/** `npm run check` over a synthetic folder with one planted problem an article (tests/fixtures/bad-content/). */

const FOLDER = 'tests/fixtures/bad-content';
const A = `${FOLDER}/articles/2025/09/02`;
const EXPECTED = [
  `${A}/feilstavet-felt.md:6: tagger: is not a known field: check the spelling (known fields: title, lede, published, updated, source, byline, dateline, tags, slug, storyId, storyVersion, photo, redirectFrom, corrections)`,
  `${A}/fremtiden.md:4: published: "2099-01-01" is before 1900 or more than a year from now: check the year`,
  `${A}/lenke-til-ingenting.md:8: body: links to /2025/09/01/finnes-ikke/, an article that does not exist: fix the link or remove it`,
  `${A}/lenke-til-ingenting.md:8: body: links to /2025/09/02/gyldig/#finnes-ikke, a section that does not exist: link to one of #bakgrunn`,
  `${A}/like-overskrifter.md:12: body: warning: the heading «Okonomi» gets the id #okonomi-1, since «Økonomi» already has #okonomi: a link to it breaks if the other is changed, so give it other words`,
  `${A}/mangler-bilde-i-teksten.md:10: body: shows the photo "./borte.png", which does not exist: put the photo next to the article or fix the path`,
  `${A}/mangler-hovedbilde.md:7: photo.src: names "./finnes-ikke.jpg", which does not exist: put the photo next to the article or fix the path`,
  `${A}/omdirigering-til-levende.md:7: redirectFrom.0: is /2025/09/02/gyldig/, the live permalink of ${A}/gyldig.md: a page that exists cannot also redirect`,
  `${A}/samme-lenke.md:6: slug: gives the permalink /2025/09/02/gyldig/, which ${A}/gyldig.md already has: give one of them another slug`,
  `${A}/skript.md:10: body: <script> is not allowed in an article: remove it`,
  `${A}/skript.md:12: body: onerror="alert('syntetisk')" on <img> is not allowed: remove it`,
  `${A}/skript.md:12: body: <img src="x"> does not publish the photo: write it in markdown, ![what it shows](x)`,
  `${A}/umulig-dato.md:4: published: "2025-02-30" is not a real date: write it like 2025-09-02 or 2025-09-02T14:30 (Oslo time)`,
  `${A}/uten-tittel.md: title: is missing: add the headline`,
  `${FOLDER}/permalinks.lock:2: permalink: /2025/09/02/fjernet/ was published and no longer resolves: restore the article, or add /2025/09/02/fjernet/ to redirectFrom in the article that replaces it`,
];

describe('npm run check on a folder with planted problems', () => {
  it('prints exactly one line for each problem, by file and line, and fails', async () => {
    const result = await runScript('check-content.ts', [], { CONTENT_DIR: FOLDER });
    assert.deepEqual(result.stdout.trimEnd().split('\n'), EXPECTED);
    assert.equal(result.stderr, '12 articles checked: 14 errors, 1 warnings\n');
    assert.equal(result.code, 1);
  });

  it('counts warnings as errors with --strict', async () => {
    const result = await runScript('check-content.ts', ['--strict'], { CONTENT_DIR: FOLDER });
    assert.equal(result.stdout.trimEnd().split('\n').length, EXPECTED.length);
    assert.doesNotMatch(result.stdout, /warning:/);
    assert.equal(result.stderr, '12 articles checked: 15 errors, 0 warnings\n');
  });

  it('passes the real content', async () => {
    const result = await runScript('check-content.ts', [], { CONTENT_DIR: 'content' });
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0);
  });

  it('stops npm run build with the same lines, warnings included, and keeps nothing', async () => {
    const folder = await temporaryFolder('refused-build');
    const out = join(folder, 'dist');
    const result = await runScript('build.ts', ['--out', out], {
      CONTENT_DIR: FOLDER,
      ASTRO_CACHE_DIR: join(folder, 'cache'),
    });
    assert.equal(result.code, 1);
    const printed = `${result.stdout}\n${result.stderr}`.split('\n');
    const errors = EXPECTED.filter((line) => !line.includes(': warning: '));
    assert.deepEqual(
      printed.filter((line) => line.startsWith(FOLDER)),
      errors,
    );
    for (const warning of EXPECTED.filter((line) => line.includes(': warning: '))) {
      assert.ok(
        printed.some((line) => line.endsWith(warning)),
        `${warning} is shown`,
      );
    }
    assert.match(result.stderr, /the build failed, and .*dist\/ is as it was/);
    // Neither dist/ nor the half-built dist.next-<pid>/ that Astro had begun.
    assert.deepEqual(
      (await readdir(folder)).filter((name) => name !== 'cache'),
      [],
    );
  });
});
