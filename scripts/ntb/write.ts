import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { WireFormatError } from './wire.ts';

/** A refusal to import, worded for the editor: it names the file and, where there is one, the line. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** A problem with an input, as a refusal that names it and, where there is one, the line. */
export function refusal(name: string, error: unknown): unknown {
  if (!(error instanceof WireFormatError)) return error;
  return new ImportError(`${name}${error.line ? `:${error.line}` : ''}: ${error.message}`);
}

/**
 * Writes the file in one step: the text goes to a temporary file beside it,
 * which is then linked into place (refusing an existing file, even one that
 * another import has just written) or, with --force, renamed over it.
 */
export async function writeAtomically(path: string, text: string, force: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    if (force) {
      await rename(temporary, path);
    } else {
      await link(temporary, path);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ImportError(`${relative(process.cwd(), path)} already exists: pass --force to replace it`);
    }
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
