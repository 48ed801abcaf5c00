import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { astroBuild } from '../helpers/builds.ts';

const article = (fields: string) => `---\n# SYNTHETIC TEST FIXTURE: not news.\n${fields}\n---\n\nSyntetisk tekst.\n`;

describe('a build whose permalinks.lock lists a page that is gone', () => {
  it('fails and names the permalink and what to do', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nyhetsleser-lock-'));
    const path = join(root, 'content/articles/2025/09/02/ny.md');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, article('title: Ny\npublished: 2025-09-02\nsource: NTB'));
    await writeFile(join(root, 'content/permalinks.lock'), '/2025/09/02/gammel/\n/2025/09/02/ny/\n');
    const result = await astroBuild({
      outDir: join(root, 'dist'),
      contentDir: join(root, 'content'),
      cacheDir: join(root, 'cache'),
    });
    assert.notEqual(result.code, 0);
    assert.match(
      result.output,
      /permalinks\.lock:1: permalink: \/2025\/09\/02\/gammel\/ was published and no longer resolves: restore the article, or add \/2025\/09\/02\/gammel\/ to redirectFrom/,
    );
  });
});
