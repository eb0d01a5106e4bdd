import sharp from 'sharp';
import type { GreyImage } from '../grey-image.js';
import { decodeGrey } from './decode-grey.js';
import { MAX_PAGE_PIXELS } from './scan-file.js';

/**
 * A scanned PDF page's own JPEG bytes, as found in the file: what a page-reading worker is sent instead of the whole
 * file, so that it decodes the page without parsing the PDF (which cost each worker as much as reading several pages).
 */
export interface ScannedPageJpeg {
  readonly jpeg: Uint8Array;
  /** The page's /Rotate, in degrees clockwise (0, 90, 180 or 270). */
  readonly rotation: number;
}

/**
 * Decodes a scanned page's JPEG to grey, turned as the page is shown.
 *
 * @example
 * const image = await decodeScannedPageJpeg({ jpeg, rotation: 0 });
 */
export function decodeScannedPageJpeg(page: ScannedPageJpeg): Promise<GreyImage> {
  return decodeGrey(sharp(page.jpeg, { limitInputPixels: MAX_PAGE_PIXELS }).rotate(page.rotation));
}
