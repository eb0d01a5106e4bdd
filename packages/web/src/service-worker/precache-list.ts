import type { PrecacheManifest } from './precache-manifest.js';

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
  const version = fnv1a(list.join('\n'));
  return { version, files: list };
}

/** A short hash of the list (FNV-1a, 32 bits): only to tell one build's list from another's. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
