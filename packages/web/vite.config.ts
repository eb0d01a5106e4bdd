import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SERVICE_WORKER_ENTRY, serviceWorkerPlugin } from './build/precache-plugin.js';

// The app is served by the Examforge server from packages/web/dist; in development, Vite proxies /api to it.
export default defineConfig({
  plugins: [react(), serviceWorkerPlugin()],
  resolve: {
    alias: {
      '@examforge/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      '@examforge/server/api': fileURLToPath(new URL('../server/src/api/index.ts', import.meta.url)),
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      // The service worker is its own entry, written as /sw.js (its scope is the folder it is served from).
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        [SERVICE_WORKER_ENTRY]: fileURLToPath(new URL('src/service-worker/sw.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER_ENTRY ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
      // Core is pure by design and the API contract only declares schemas, so what the app does not import can go:
      // without this, importing `findMath` from core's index would bring the exam parser and its YAML library along.
      treeshake: { moduleSideEffects: [{ test: /\/packages\/(core|server)\/src\//, sideEffects: false }] },
    },
  },
});
