// The web app's build: React + VKUI into web/dist, served by `publica serve`, with Brotli and gzip copies of
// every text file beside it. In development (`npx vite web`) the API is proxied to a server on :8080.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
