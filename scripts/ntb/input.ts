import { constants, type Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_WIRE_BYTES, tooLargeError, WireFormatError } from './wire.ts';

/**
 * Reads a story from where the editor points: a file, the .txt, .xml and
 * .json files of a folder, or standard input. Nothing is read past MAX_WIRE_BYTES, and nothing
 * but a regular file is read at all: a FIFO or a link to /dev/zero would wait
 * or read forever.
 */

/** Which of a folder's files are stories; what each one is, is read from its content. */
const STORY_EXTENSIONS = ['.txt', '.xml', '.json'];

const NOT_A_REGULAR_FILE = 'is not a regular file: give a wire text file, a folder of them, or - for standard input';

/** Why a file or folder could not be opened, in the editor's words where the cause is theirs. */
function openError(error: NodeJS.ErrnoException): Error {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new WireFormatError('no such file');
    case 'EACCES':
    case 'EPERM':
      return new WireFormatError('cannot be read: permission denied');
    // ELOOP: a link opened with O_NOFOLLOW; ENXIO: a socket.
    case 'ELOOP':
    case 'ENXIO':
      return new WireFormatError(NOT_A_REGULAR_FILE);
    default:
      return error;
  }
}

/** Reads a stream up to MAX_WIRE_BYTES, and refuses it as soon as it goes over, reading no further. */
export async function readUpToLimit(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > MAX_WIRE_BYTES) throw tooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function readWireStdin(): Promise<Uint8Array> {
  return readUpToLimit(process.stdin);
}

/**
 * Reads a wire text file. It is opened without waiting (a FIFO would wait for
 * a writer forever) and, for a folder's files, without following a link. Its
 * type and size come from the open descriptor, not the path, so the file
 * checked is the file read, and a device or a huge file is refused unread.
 */
export async function readWireFile(path: string, { followLinks }: { followLinks: boolean }): Promise<Uint8Array> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW);
  const handle = await open(path, flags).catch((error: NodeJS.ErrnoException) => {
    throw openError(error);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new WireFormatError(NOT_A_REGULAR_FILE);
    if (info.size > MAX_WIRE_BYTES) throw tooLargeError(info.size);
    // The file may grow after the fstat: the limit holds for what is read too.
    return await readUpToLimit(handle.createReadStream({ autoClose: false }));
  } finally {
    await handle.close();
  }
}

/**
 * The regular .txt, .xml and .json files directly in a folder, and the entries that are not
 * regular files, which are skipped: never followed, opened or read.
 */
export async function listWireFolder(folder: string): Promise<{ files: string[]; skipped: string[] }> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw openError(error);
  });
  const paths = (keep: (entry: Dirent) => boolean) =>
    entries
      .filter(keep)
      .map((entry) => join(folder, entry.name))
      .sort();
  return {
    files: paths((entry) => entry.isFile() && STORY_EXTENSIONS.some((extension) => entry.name.endsWith(extension))),
    // A regular file of another kind is plainly not a wire text; anything else may have been meant as one.
    skipped: paths((entry) => !entry.isFile()),
  };
}
