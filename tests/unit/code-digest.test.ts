import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { moduleFiles } from '../../src/content/code-digest.ts';

describe('the code digest of the content store', () => {
  it('covers the whole markdown pipeline and the schema, and not the pages, SEO or cards', async () => {
    const files = (
      await moduleFiles(['src/markdown/index.ts', 'src/content/schema.ts'].map((path) => resolve(path)))
    ).map((path) => path.slice(resolve('.').length + 1));
    for (const file of [
      'src/markdown/rehype-figures.ts',
      'src/markdown/html-policy.ts',
      'src/markdown/slug.ts',
      'src/content/dates.ts',
    ]) {
      assert.ok(files.includes(file), `${file} is covered`);
    }
    assert.deepEqual(
      files.filter((file) => !file.startsWith('src/markdown/') && !file.startsWith('src/content/')),
      [],
    );
    assert.ok(!files.includes('src/content/check.ts'), 'the check does not change what is stored');
  });
});
