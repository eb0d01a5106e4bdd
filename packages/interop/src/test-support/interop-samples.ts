import { readFileSync } from 'node:fs';
import type { SourceFile } from '../import-result.js';

/** The shared corpus of real question banks (`../shared/interop-samples/` beside the repository). */
export const SAMPLES_ROOT = new URL('../../../../../shared/interop-samples/', import.meta.url);

/**
 * A sample bank as an importer receives it: its name and bytes, and its siblings read from its folder.
 *
 * @example
 * importAiken(sampleFile('aiken/moodle_fixture_questions.aiken.txt'));
 */
export function sampleFile(relativePath: string): SourceFile {
  const url = new URL(relativePath, SAMPLES_ROOT);
  const folder = new URL('.', url);
  return {
    name: relativePath.split('/').pop() ?? relativePath,
    bytes: new Uint8Array(readFileSync(url)),
    readSibling: (path) => {
      try {
        return new Uint8Array(readFileSync(new URL(path, folder)));
      } catch {
        return undefined;
      }
    },
  };
}
