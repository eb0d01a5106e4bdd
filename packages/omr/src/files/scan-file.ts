/** A scan as uploaded or read from disk: its name (for messages) and bytes. */
export interface ScanFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export type ScanFileKind = 'pdf' | 'png' | 'jpeg';

/** A file that is not a scan we can read; the message says what was expected. */
export class ScanFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ScanFileError';
  }
}

/**
 * The most pixels one page may have, as decoded or rasterised: 64 megapixels (8,000 × 8,000; a 48-megapixel phone
 * photo or an A4 page at 600 dpi fit). A file declaring more — a decompression bomb, a PDF page metres wide — is
 * refused before any pixel is decoded.
 */
export const MAX_PAGE_PIXELS = 64_000_000;

/** A scan refused for its size: a page with more pixels than `MAX_PAGE_PIXELS`. */
export class ScanTooLargeError extends ScanFileError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'ScanTooLargeError';
  }
}

/** Throws `ScanTooLargeError` when a page of `width` × `height` pixels is over `MAX_PAGE_PIXELS`. */
export function checkPagePixels(file: string, page: string, width: number, height: number): void {
  if (width * height <= MAX_PAGE_PIXELS) return;
  const size = `${Math.round(width)} × ${Math.round(height)} pixels`;
  throw new ScanTooLargeError(
    file,
    `${page} is ${size}; a page may have at most ${MAX_PAGE_PIXELS / 1_000_000} megapixels (scan at 300 dpi or less, or resize the photo)`,
  );
}
