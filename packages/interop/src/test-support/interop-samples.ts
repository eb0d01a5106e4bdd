import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SourceFile } from '../import-result.js';

/**
 * The shared corpus of real question banks: `shared/interop-samples/` beside the repository or in any folder above it
 * (a checkout may sit deeper than its `shared` folder), or under `$EXAMFORGE_SHARED`. Its files are others' work under
 * their own licences, so they are read from there and never copied into the repository.
 */
export const SAMPLES_DIRECTORY = findSamples();
export const SAMPLES_ROOT = pathToFileURL(`${SAMPLES_DIRECTORY}/`);

function findSamples(): string {
  const override = process.env.EXAMFORGE_SHARED;
  if (override) return join(resolve(override), 'interop-samples');
  const repository = fileURLToPath(new URL('../../../../', import.meta.url));
  for (let folder = dirname(resolve(repository)); ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'interop-samples');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) break;
  }
  throw new Error(
    `the shared corpus of question banks (shared/interop-samples) is neither beside ${repository} nor in a folder ` +
      'above it: put it there, or set EXAMFORGE_SHARED to the folder that holds interop-samples',
  );
}

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
