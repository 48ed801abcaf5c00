import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { entriesBelow } from '../../src/site/entries-below.ts';
import { temporaryFolder } from '../helpers/import-cli.ts';

describe('entriesBelow', () => {
  it('lists folders and files at every depth, and a symbolic link as an entry, not what it leads to', async () => {
    const root = await temporaryFolder('entries');
    const outside = await temporaryFolder('entries-outside');
    await mkdir(join(outside, 'dypere'), { recursive: true });
    await writeFile(join(outside, 'dypere/side.html'), 'syntetisk side utenfor');
    await mkdir(join(root, '2025/09'), { recursive: true });
    await writeFile(join(root, '2025/09/index.html'), 'syntetisk side');
    await symlink(outside, join(root, '2025/lenke'));
    await symlink(join(outside, 'dypere/side.html'), join(root, 'fil-lenke.html'));

    const listed = entriesBelow(root).map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
    assert.deepEqual(listed.sort(), ['2025', '2025/09', '2025/09/index.html', '2025/lenke', 'fil-lenke.html']);
  });
});
