// Bundles the command (src/main/cli.ts and all it imports) into dist/publica.mjs with esbuild: packages stay in
// node_modules, our modules become one file that starts faster and holds less memory than transpiling each
// source at start (tsx). bin/publica.js uses it while it is newer than every source; worker threads still run
// the sources through tsx. Then the web app (web/) is built by Vite into web/dist, which `publica serve` serves.
import path from 'node:path';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
await build({
  entryPoints: [path.join(root, 'src/main/cli.ts')],
  outfile: path.join(root, 'dist/publica.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

await viteBuild({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
