#!/usr/bin/env node
// Entry of the `publica` command. Runs the bundle (dist/publica.mjs, made by `npm run build`) while it is newer
// than every source; otherwise loads the TypeScript sources through tsx, so an edit is never hidden by a stale
// bundle.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'dist', 'publica.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (!fs.existsSync(bundle)) return false;
  const built = fs.statSync(bundle).mtimeMs;
  return ['src', 'migrations'].every((dir) => newestSource(path.join(root, dir)) <= built);
}

let main;
if (process.env.PUBLICA_SOURCES !== '1' && bundleIsFresh()) ({ main } = await import(bundle));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main/cli.ts'));
}
await main(process.argv);
