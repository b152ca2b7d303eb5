// The web app's build: React + VKUI into web/dist, served by `publica serve`, with Brotli and gzip copies of
// every text file beside it. In development (`npx vite web`) the API is proxied to a server on :8080.
// Chunks: what the sign-in needs is one file (not a dozen of 1-KB pieces, each paying its ~1 KB of response
// headers over HTTP/1.1); every screen and ECharts stay chunks of their own, loaded when first opened.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'shell', tags: ['$initial'], includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
