import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import type { GreyImage } from '../grey-image.js';
import { decodeGrey } from './decode-grey.js';
import { checkPagePixels, MAX_PAGE_PIXELS } from './scan-file.js';
import type { ScannedPageJpeg } from './scanned-page-jpeg.js';

/**
 * The fast path for what scanners write: a page that is one full-page image. Its JPEG (or deflated 8-bit) bytes are
 * decoded directly with sharp at the scan's own resolution, about five times faster than rendering the page with
 * pdf.js. Undefined when the page is anything else (vector content, several images, CCITT or JBIG2 black-and-white
 * encodings): the caller renders it instead.
 */
export async function scannedPageImage(
  document: PDFDocument,
  page: PDFPage,
  name = 'the scan',
): Promise<GreyImage | undefined> {
  const found = pageImage(document, page, name);
  if (!found) return undefined;
  const decoder = decoderFor(found.image, found.width, found.height);
  if (!decoder) return undefined;
  return decodeGrey(decoder.rotate(found.rotation));
}

/**
 * The page's JPEG bytes (a copy) when the page is one full-page JPEG image, for decoding elsewhere (a page-reading
 * worker); undefined for any other page.
 */
export function scannedPageJpeg(document: PDFDocument, page: PDFPage, name = 'the scan'): ScannedPageJpeg | undefined {
  const found = pageImage(document, page, name);
  const filter = found?.image.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (!found || filters.length !== 1 || filters[0] !== PDFName.of('DCTDecode')) return undefined;
  // A copy in its own buffer (the contents may be a view of the whole file, which a transfer would take away).
  return { jpeg: new Uint8Array(found.image.contents), rotation: found.rotation };
}

/** The page's one image, when it fills the page (its size checked), with the page's rotation. */
function pageImage(document: PDFDocument, page: PDFPage, name: string) {
  const image = singleImage(document, page);
  if (!image) return undefined;
  const width = numberOf(image.dict.get(PDFName.of('Width')));
  const height = numberOf(image.dict.get(PDFName.of('Height')));
  checkPagePixels(name, 'a page image', width, height);
  const { width: pageWidth, height: pageHeight } = page.getSize();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const [shownWidth, shownHeight] = rotation % 180 === 0 ? [width, height] : [height, width];
  if (!width || !height || Math.abs(shownWidth / shownHeight - pageWidth / pageHeight) > 0.03) return undefined;
  return { image, width, height, rotation };
}

function singleImage(document: PDFDocument, page: PDFPage): PDFRawStream | undefined {
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return undefined;
  const streams = xobjects.values().map((ref) => document.context.lookup(ref));
  const images = streams.filter(
    (stream): stream is PDFRawStream =>
      stream instanceof PDFRawStream && stream.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
  );
  return images.length === 1 && streams.length === 1 ? images[0] : undefined;
}

function decoderFor(image: PDFRawStream, width: number, height: number): sharp.Sharp | undefined {
  const filter = image.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (filters.length !== 1) return undefined;
  if (filters[0] === PDFName.of('DCTDecode')) return sharp(image.contents, { limitInputPixels: MAX_PAGE_PIXELS });
  const colourSpace = image.dict.get(PDFName.of('ColorSpace'));
  const channels = colourSpace === PDFName.of('DeviceGray') ? 1 : colourSpace === PDFName.of('DeviceRGB') ? 3 : 0;
  const bits = numberOf(image.dict.get(PDFName.of('BitsPerComponent')));
  const predictor = image.dict.get(PDFName.of('DecodeParms'));
  if (filters[0] !== PDFName.of('FlateDecode') || channels === 0 || bits !== 8 || predictor) return undefined;
  // Never inflate more than the image declares: a deflate bomb stops at the declared size (and is then not this page).
  let pixels: Buffer;
  try {
    pixels = inflateSync(image.contents, { maxOutputLength: width * height * channels + 1 });
  } catch {
    return undefined;
  }
  if (pixels.length !== width * height * channels) return undefined;
  return sharp(pixels, { raw: { width, height, channels: channels } });
}

function numberOf(value: unknown): number {
  return value instanceof PDFNumber ? value.asNumber() : 0;
}
