import type { ImportedAsset } from './import-result.js';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
};

/**
 * The files an import writes beside the exam (images), each under `images/` with a unique, safe name; the exam
 * refers to them by that relative path. The same name added twice with the same bytes is one file.
 *
 * @example
 * const assets = new ImportAssets();
 * assets.add('Net diagram.PNG', bytes); // 'images/net-diagram.png'
 */
export class ImportAssets {
  private readonly files = new Map<string, Uint8Array>();

  /** Stores the file and gives the relative path the exam uses for it. */
  add(name: string, bytes: Uint8Array): string {
    const { stem, extension } = safeName(name);
    for (let counter = 1; ; counter += 1) {
      const path = `images/${counter === 1 ? stem : `${stem}-${counter}`}${extension}`;
      const existing = this.files.get(path);
      if (!existing) {
        this.files.set(path, bytes);
        return path;
      }
      if (sameBytes(existing, bytes)) return path;
    }
  }

  /** Stores an image given as a `data:` URI; undefined when the URI is not base64 image data. */
  addDataUri(dataUri: string, name = 'image'): string | undefined {
    const match = /^data:([\w/+.-]+)(?:;[\w=.-]+)*;base64,([\s\S]*)$/i.exec(dataUri.trim());
    const extension = match && MEDIA_TYPES[(match[1] ?? '').toLowerCase()];
    if (!match || !extension) return undefined;
    const bytes = decodeBase64(match[2] ?? '');
    return bytes && this.add(`${name}.${extension}`, bytes);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  list(): ImportedAsset[] {
    return [...this.files].map(([path, bytes]) => ({ path, bytes }));
  }
}

/** Base64 (whitespace allowed, as in XML) to bytes; undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length === 0) return undefined;
  const bytes = new Uint8Array(Math.floor((clean.replace(/=+$/, '').length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    if (char === '=') break;
    buffer = ((buffer << 6) | BASE64.indexOf(char)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function safeName(name: string): { stem: string; extension: string } {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  const rawStem = dot > 0 ? base.slice(0, dot) : base;
  const rawExtension = dot > 0 ? base.slice(dot + 1) : '';
  const stem =
    safeDecode(rawStem)
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'image';
  const extension = /^[a-z0-9]{1,5}$/i.test(rawExtension) ? `.${rawExtension.toLowerCase()}` : '';
  return { stem, extension };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
