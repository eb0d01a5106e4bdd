import sharp from 'sharp';
import { decodeGrey } from './decode-grey.js';
import type { GreyImage } from '../grey-image.js';
import type { OpenScan } from './pdf-pages.js';
import { checkPagePixels, MAX_PAGE_PIXELS, ScanFileError, type ScanFile, type ScanFileKind } from './scan-file.js';

export interface DecodeOptions {
  /** Resolution at which PDF pages are rasterised (images keep their own). Default 200. */
  readonly dpi?: number;
}

/** What a file is, from its first bytes (not its name, which may lie). */
export function scanFileKind(file: ScanFile): ScanFileKind {
  const head = file.data.subarray(0, 8);
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'pdf';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  throw new ScanFileError(file.name, 'is not a PDF, PNG or JPEG file (scan to PDF, or save photos as JPEG or PNG)');
}

/** How many pages a file holds (for progress bars before the slow work starts). */
export async function countScanPages(file: ScanFile): Promise<number> {
  const scan = await openScanFile(file);
  await scan.close();
  return scan.pageCount;
}

/**
 * Opens a scan file for reading its pages as greyscale images: PDF pages decoded (scanned images) or rasterised
 * (pdf.js), PNG and JPEG decoded with sharp (turned by their EXIF orientation). An image's header must read and its
 * size must be within `MAX_PAGE_PIXELS`, and every PDF page's at `dpi`, before any page is decoded.
 */
export async function openScanFile(file: ScanFile, options: DecodeOptions = {}): Promise<OpenScan> {
  // The PDF readers are loaded when a PDF comes: a worker reading photos, or pages sent as JPEG, never needs them.
  if (scanFileKind(file) === 'pdf') return (await import('./pdf-pages.js')).openPdf(file, options.dpi ?? 200);
  await checkImageHeader(file);
  return {
    pageCount: 1,
    page: () => decodeImage(file),
    close: () => Promise.resolve(),
  };
}

/**
 * The pages of a scan file, one at a time (a 300-page batch never sits in memory at once).
 *
 * @example
 * for await (const image of decodeScanFile({ name, data }, { dpi: 200 })) results.push(readPage(image, context));
 */
export async function* decodeScanFile(file: ScanFile, options: DecodeOptions = {}): AsyncGenerator<GreyImage> {
  const scan = await openScanFile(file, options);
  try {
    for (let index = 0; index < scan.pageCount; index += 1) yield await scan.page(index);
  } finally {
    await scan.close();
  }
}

async function checkImageHeader(file: ScanFile): Promise<void> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    // The header only, without sharp's own pixel limit, so that a bomb is refused below as too large, not as broken.
    ({ width, height } = await sharp(file.data, { limitInputPixels: false }).metadata());
  } catch (error) {
    throw new ScanFileError(file.name, `cannot be decoded as an image (${(error as Error).message})`);
  }
  if (!width || !height) throw new ScanFileError(file.name, 'is an image without a size');
  checkPagePixels(file.name, 'the image', width, height);
}

async function decodeImage(file: ScanFile): Promise<GreyImage> {
  try {
    return await decodeGrey(sharp(file.data, { limitInputPixels: MAX_PAGE_PIXELS }).rotate());
  } catch (error) {
    throw new ScanFileError(file.name, `cannot be decoded as an image (${(error as Error).message})`);
  }
}

/** A greyscale image as PNG (crops for the review queue). */
export async function encodePng(image: GreyImage): Promise<Buffer> {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** A greyscale image as JPEG (stored scan pages). */
export async function encodeJpeg(image: GreyImage, quality = 80): Promise<Buffer> {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .jpeg({ quality })
    .toBuffer();
}

/** The scan with an annotation overlay (SVG of the same size) drawn on it, as JPEG. */
export async function encodeAnnotated(image: GreyImage, svg: string, quality = 80): Promise<Buffer> {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .toColourspace('srgb')
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .jpeg({ quality })
    .toBuffer();
}
