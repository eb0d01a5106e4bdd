import type { ImportAssets } from '../import-assets.js';
import { baseName, resolveHref, type PackageFiles } from './package-files.js';

/** Where an image reference led: a file written beside the exam, a remote URL kept as is, or nothing found. */
export type ImageResolution =
  | { readonly kind: 'asset'; readonly path: string }
  | { readonly kind: 'remote'; readonly url: string }
  | { readonly kind: 'missing'; readonly reference: string };

/** LMS exports write these before a package-relative path. */
const FILE_BASE_PLACEHOLDERS = /^(?:\$IMS[-_]CC[-_]FILE[-_]?BASE\$|%24IMS[-_]CC[-_]FILE[-_]?BASE%24)\/?/i;

/**
 * Finds the images an import refers to in its package and adds each package file once to the import's assets (which
 * give it a safe, distinct name under `images/`: `contact info.png` → `images/contact-info.png`). A reference is tried
 * relative to the referring file, then from the package root, then as the tail of a unique package path (Respondus
 * writes `org0/images/image.png` for `exam1/my_files/org0/images/image.png`); LMS file-base placeholders are dropped.
 *
 * @example
 * const images = new PackageImages(files, new ImportAssets());
 * images.resolve('items/q1.xml', '../media/a.jpg'); // { kind: 'asset', path: 'images/a.jpg' }
 */
export class PackageImages {
  private readonly byPackagePath = new Map<string, string>();

  constructor(
    private readonly files: PackageFiles,
    readonly assets: ImportAssets,
  ) {}

  resolve(fromFile: string, reference: string): ImageResolution {
    const src = reference.trim().replace(FILE_BASE_PLACEHOLDERS, '');
    if (/^data:/i.test(src)) {
      const path = this.assets.addDataUri(src);
      return path
        ? { kind: 'asset', path }
        : { kind: 'missing', reference: 'an inline image that is not base64 image data' };
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return { kind: 'remote', url: src };
    const found = this.find(fromFile, src);
    if (!found) return { kind: 'missing', reference: src };
    const known = this.byPackagePath.get(found.path);
    if (known) return { kind: 'asset', path: known };
    const path = this.assets.add(baseName(found.path), found.bytes);
    this.byPackagePath.set(found.path, path);
    return { kind: 'asset', path };
  }

  /** The path as written, relative to the referring file, then any package file whose path ends with it. */
  private find(fromFile: string, src: string): { path: string; bytes: Uint8Array } | undefined {
    for (const path of [resolveHref(fromFile, src), resolveHref('', src)]) {
      const bytes = path === undefined ? undefined : this.files.read(path);
      if (path !== undefined && bytes) return { path, bytes };
    }
    const tail = resolveHref('', src.replace(/^(\.\.\/)+/, ''));
    const candidates = tail
      ? (this.files.paths ?? []).filter((path) => path === tail || path.endsWith(`/${tail}`))
      : [];
    const path = candidates.length === 1 ? candidates[0] : undefined;
    const bytes = path === undefined ? undefined : this.files.read(path);
    return path !== undefined && bytes ? { path, bytes } : undefined;
  }
}
