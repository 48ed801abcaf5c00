import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes a synthetic content folder in a new temporary folder: path → file text. Returns the folder. */
export async function contentFolder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'nyhetsleser-content-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** A synthetic article file: the frontmatter fields, then the body. */
export const article = (fields: string, body = 'Syntetisk tekst.\n') => `---\n${fields}\n---\n\n${body}`;

/** The fields every article must have, valid. */
export const VALID = 'title: Syntetisk\npublished: 2025-09-02\nsource: NTB';
