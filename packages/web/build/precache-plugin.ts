import type { Plugin } from 'vite';
import {
  precacheManifest,
  SERVICE_WORKER_ENTRY,
  type BuiltChunk,
  type BuiltFile,
} from '../src/service-worker/precache-list.js';
import { PRECACHE_MANIFEST_TOKEN } from '../src/service-worker/precache-manifest.js';

export { SERVICE_WORKER_ENTRY };

/**
 * Builds src/service-worker/sw.ts as /sw.js beside index.html (the worker's scope is the folder it is served from),
 * with the manifest of the files to keep written into it, so every build that changes a file is a new worker.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'examforge-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle) as unknown as BuiltFile[];
      const worker = files.find(
        (file): file is BuiltChunk & { code: string } => file.type === 'chunk' && file.fileName === 'sw.js',
      );
      if (!worker) throw new Error('The service worker entry (src/service-worker/sw.ts) was not built as sw.js');
      if (worker.imports.length > 0) throw new Error(`sw.js must stand alone but imports ${worker.imports.join(', ')}`);
      const manifest = JSON.stringify(JSON.stringify(precacheManifest(files)));
      const token = new RegExp(`(["'\`])${PRECACHE_MANIFEST_TOKEN}\\1`, 'g');
      if (!token.test(worker.code)) throw new Error('sw.js lost its precache manifest placeholder');
      worker.code = worker.code.replace(token, manifest);
    },
  };
}
