/** The app shell the service worker keeps at install: index.html and the student pages' build files. */
export interface PrecacheManifest {
  /** Changes with every build whose files change, so a new build installs a new worker and a new shell cache. */
  readonly version: string;
  readonly files: readonly string[];
}

/** The placeholder the build replaces with the manifest's JSON (build/precache-plugin.ts). */
export const PRECACHE_MANIFEST_TOKEN = '__EXAMFORGE_PRECACHE_MANIFEST__';

/** Reads the manifest the build wrote into the worker; an unbuilt worker (tests, dev) keeps only index.html. */
export function readPrecacheManifest(text: string): PrecacheManifest {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'version' in parsed &&
      'files' in parsed &&
      typeof parsed.version === 'string' &&
      Array.isArray(parsed.files) &&
      parsed.files.every((file) => typeof file === 'string')
    ) {
      return { version: parsed.version, files: parsed.files };
    }
  } catch {
    // Not replaced by the build: fall through.
  }
  return { version: 'dev', files: ['/index.html'] };
}
