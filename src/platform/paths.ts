// Where the project's files are, from wherever this code runs: the TypeScript sources, or the bundle in dist/.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'methodology')))
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`publica: no project root above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

/** A file of the project by its path from the root, e.g. src/audit/audit.worker.ts. */
export function projectFile(relative: string): URL {
  return new URL(`file://${path.join(PROJECT_ROOT, relative)}`);
}
