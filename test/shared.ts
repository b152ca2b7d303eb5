// Where the project's shared folder is: beside the repository (as CI lays it), or PUBLICA_SHARED_DIR.
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_DIR = process.env.PUBLICA_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../shared');

export function sharedPath(...parts: string[]): string {
  const full = path.join(SHARED_DIR, ...parts);
  if (!fs.existsSync(full))
    throw new Error(`${full} not found: shared/ must sit beside the repository, or set PUBLICA_SHARED_DIR`);
  return full;
}
