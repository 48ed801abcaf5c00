import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { isElement } from 'hast-util-is-element';
import { select, selectAll } from 'hast-util-select';
import { rehype } from 'rehype';
import { remove } from 'unist-util-remove';
import { astroBuild, htmlFiles } from '../helpers/builds.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';
import { runScript } from '../helpers/run.ts';
import { dangers, VECTORS } from '../fixtures/xss-vectors.ts';

/**
 * Every OWASP vector in one synthetic article. `npm run check` (and so `npm
 * run build`) refuses it; a plain `astro build` lets it through to show that
 * the pipeline itself leaves nothing that runs in dist/.
 */

let contentDir: string;
let outDir: string;
let buildOutput: string;

before(async () => {
  const root = await temporaryFolder('xss');
  contentDir = join(root, 'content');
  outDir = join(root, 'dist');
  const article = join(contentDir, 'articles/2025/09/02/xss.md');
  await mkdir(join(article, '..'), { recursive: true });
  const body = VECTORS.map((vector) => `Syntetisk avsnitt før.\n\n${vector}\n\n`).join('');
  await writeFile(
    article,
    `---\n# SYNTHETIC TEST FIXTURE: OWASP XSS vectors.\ntitle: XSS\npublished: 2025-09-02\nsource: NTB\n---\n\n${body}Slutt.\n`,
  );
  const build = await astroBuild({ outDir, contentDir, cacheDir: join(root, 'cache') });
  assert.equal(build.code, 0, build.output);
  buildOutput = build.output;
});

describe('OWASP XSS vectors in an article', () => {
  it('are refused by npm run check', async () => {
    const result = await runScript('check-content.ts', [], { CONTENT_DIR: contentDir });
    assert.equal(result.code, 1);
    assert.ok(result.stdout.split('\n').filter(Boolean).length >= 30, result.stdout);
  });

  it('are named as removed when Astro builds the page anyway', () => {
    assert.match(buildOutput, /xss\.md:\d+: body: <script> is not allowed in an article/);
  });

  it('leave nothing that runs in dist/', async () => {
    const found: string[] = [];
    for (const file of await htmlFiles(outDir)) {
      const page = rehype().parse(await readFile(join(outDir, file), 'utf8'));
      // The only scripts are the page's own: its JSON-LD and its share script.
      const scripts = selectAll('script', page).map((script) => String(script.properties.type));
      assert.ok(
        scripts.every((type) => type === 'module' || type === 'application/ld+json'),
        `${file}: ${scripts}`,
      );
      // The article is where the vectors land; the page's own share script is set aside.
      const main = select('main article', page);
      if (!main) continue;
      remove(main, (node) => isElement(node, 'script') && node.properties.type === 'module');
      found.push(...dangers({ type: 'root', children: [main] }).map((danger) => `${file}: ${danger}`));
    }
    assert.deepEqual(found, []);
  });
});
