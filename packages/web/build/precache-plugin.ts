import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { PRECACHE_MANIFEST_TOKEN, type PrecacheManifest } from '../src/service-worker/precache-manifest.js';

/** The parts of Rolldown's output the manifest needs (chunks carry Vite's metadata of the CSS they import). */
export interface BuiltChunk {
  readonly type: 'chunk';
  readonly fileName: string;
  readonly isEntry: boolean;
  readonly facadeModuleId: string | null;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  readonly viteMetadata?: { readonly importedCss: ReadonlySet<string> };
}
export interface BuiltAsset {
  readonly type: 'asset';
  readonly fileName: string;
}
export type BuiltFile = BuiltChunk | BuiltAsset;

/** The worker's entry name in the build's input: it is written as /sw.js, outside the hashed assets. */
export const SERVICE_WORKER_ENTRY = 'sw';
const STUDENT_PAGES = /\/src\/student\//;

/**
 * What a student needs to reload the exam offline: index.html, the app's entry chunk, the student pages' chunks with
 * everything they import, their CSS, and KaTeX's woff2 fonts. Staff pages are left out: 300 students need not
 * download the statistics page's charts.
 *
 * @example
 * precacheManifest(Object.values(bundle)).files; // ['/index.html', '/assets/index-….js', …]
 */
export function precacheManifest(files: readonly BuiltFile[]): PrecacheManifest {
  const chunks = new Map(files.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
  const wanted = new Set<string>();
  const visit = (fileName: string, followDynamic: boolean): void => {
    const chunk = chunks.get(fileName);
    if (!chunk || wanted.has(fileName)) return;
    wanted.add(fileName);
    chunk.viteMetadata?.importedCss.forEach((css) => wanted.add(css));
    chunk.imports.forEach((imported) => visit(imported, followDynamic));
    if (followDynamic) chunk.dynamicImports.forEach((imported) => visit(imported, true));
  };
  for (const chunk of chunks.values()) {
    const isApp = chunk.isEntry && !chunk.fileName.endsWith(`${SERVICE_WORKER_ENTRY}.js`);
    if (isApp) visit(chunk.fileName, false);
    if (STUDENT_PAGES.test(chunk.facadeModuleId ?? '')) visit(chunk.fileName, true);
  }
  for (const file of files) if (file.fileName.endsWith('.woff2')) wanted.add(file.fileName);
  const list = ['/index.html', ...[...wanted].sort().map((fileName) => `/${fileName}`)];
  const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);
  return { version, files: list };
}

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
