import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesBelow } from './import-cli.ts';

/** Every file below a folder with a hash of its bytes, to prove that nothing was changed or removed. */
export async function treeHashes(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await filesBelow(folder)) {
    hashes.set(
      file,
      createHash('sha256')
        .update(await readFile(join(folder, file)))
        .digest('hex'),
    );
  }
  return hashes;
}
