import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every entry below `dir`, as Node's recursive readdir lists them, but for
 * what it lists inside a symbolic link to a folder, which Node 24 follows: a
 * link is an entry of `dir`, and what it leads to is not, so that no walk
 * that removes or copies the files of an output reaches outside it.
 */
export function entriesBelow(dir: string): Dirent[] {
  const throughLinks = new Set<string>();
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => {
    const path = join(entry.parentPath, entry.name);
    // A folder is listed before what it holds: whatever is below a link is found by its parent.
    if (throughLinks.has(join(entry.parentPath))) {
      throughLinks.add(path);
      return false;
    }
    if (entry.isSymbolicLink()) throughLinks.add(path);
    return true;
  });
}
