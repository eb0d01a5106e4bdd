import type { Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { ImportError, type SourceFile } from '../import-result.js';
import { parseXml } from './xml-document.js';

/**
 * The files of a content package, by path from the package root (forward slashes): a zip's entries, or an unpacked
 * package read through the input's `readSibling`. Finder and macOS archive junk is not a file of the package.
 */
export interface PackageFiles {
  /** `read` gives undefined for a path the package does not hold. */
  read(path: string): Uint8Array | undefined;
  /** Every path, when the package can list them (a zip); undefined for an unpacked package. */
  readonly paths?: readonly string[];
  /** How a message names a file of the package: `bank.zip!items/q1.xml`, or the path itself when unpacked. */
  describe(path: string): string;
}

/**
 * Opens a zip content package. A package zipped with its folder (`bank/imsmanifest.xml`) is read from that folder.
 *
 * @example
 * const files = openZipPackage({ name: 'bank.zip', bytes });
 * files.read('imsmanifest.xml');
 */
export function openZipPackage(source: SourceFile): PackageFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(source.bytes, { filter: (file) => !isJunk(file.name) && !file.name.endsWith('/') });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      { file: source.name },
      `${source.name} is not a readable zip file (${reason}); export the package again`,
    );
  }
  const manifest = Object.keys(entries)
    .filter((path) => path === 'imsmanifest.xml' || path.endsWith('/imsmanifest.xml'))
    .sort((a, b) => a.length - b.length)[0];
  const root = manifest ? manifest.slice(0, -'imsmanifest.xml'.length) : '';
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of Object.entries(entries))
    if (path.startsWith(root)) files.set(path.slice(root.length), bytes);
  return {
    read: (path) => files.get(path),
    paths: [...files.keys()],
    describe: (path) => `${source.name}!${path}`,
  };
}

/** An unpacked package whose root is the folder of the input file (`imsmanifest.xml` or a test). */
export function openUnpackedPackage(source: SourceFile): PackageFiles {
  const inputName = baseName(source.name);
  return {
    read: (path) => (path === inputName ? source.bytes : source.readSibling?.(path)),
    describe: (path) => path,
  };
}

function isJunk(path: string): boolean {
  const name = baseName(path);
  return path.startsWith('__MACOSX/') || path.includes('/__MACOSX/') || name === '.DS_Store' || name.startsWith('._');
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The package path an href written in `fromFile` points to: relative to that file's folder, `.`/`..` resolved, percent
 * escapes (`contact%20info.png`) decoded, query and fragment dropped. Undefined for a URL or a path leaving the package.
 *
 * @example
 * resolveHref('items/q1.xml', '../images/a%20b.png'); // 'images/a b.png'
 */
export function resolveHref(fromFile: string, href: string): string | undefined {
  const clean = href.trim().replace(/[?#].*$/, '');
  if (clean === '' || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('/')) return undefined;
  const folder = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const part of (folder + safeDecode(clean)).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A QTI input opened: a zip package (its `imsmanifest.xml` is the root) or a file read with its siblings (the file
 * itself is the root: a manifest, a test, a questestinterop or a single item), and the root parsed. A zip without a
 * manifest is refused.
 */
export function openQtiInput(file: SourceFile): { files: PackageFiles; rootPath: string; root: Element } {
  const zipped = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  const files = zipped ? openZipPackage(file) : openUnpackedPackage(file);
  const rootPath = zipped ? 'imsmanifest.xml' : baseName(file.name);
  const rootBytes = files.read(rootPath);
  if (!rootBytes) {
    throw new ImportError(
      { file: file.name },
      `${file.name} holds no imsmanifest.xml: Examforge reads QTI content packages`,
    );
  }
  return { files, rootPath, root: parseXml(rootBytes, files.describe(rootPath)).documentElement as Element };
}
