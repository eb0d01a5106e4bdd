import {
  decodeSheetIdentity,
  layoutAnswerSheet,
  PAGE_DIMENSIONS,
  type Exam,
  type PageSize,
  type SheetIdentity,
} from '@examforge/core';
import jsqr from 'jsqr';
import { findCornerMarks } from './corner-marks.js';
import { otsuThreshold, type GreyImage } from './grey-image.js';
import { fitHomography, project, type Homography } from './homography.js';

/** What a scanned page turned out to be: its identity from the QR code, and how to map sheet points onto it. */
export interface PageReading {
  readonly identity: SheetIdentity;
  readonly homography: Homography;
  /** The page was fed upside down; `image` is the page turned the right way up. */
  readonly upsideDown: boolean;
  readonly image: GreyImage;
}

/** The corner marks and QR code sit in the same place on every page of a paper size: the frame needs no identity. */
function layoutFrame(pageSize: PageSize) {
  const empty: Exam = { id: 'frame', title: '', duration: 1, sections: [] };
  const page = layoutAnswerSheet(
    empty,
    { seed: '', questionOrder: {}, optionOrder: {} },
    { pageSize, studentNumberDigits: 8 },
  ).pages[0];
  if (!page) throw new Error('no frame');
  return { page, ...PAGE_DIMENSIONS[pageSize] };
}

/** Laid out once per paper size, not for every page read. */
const FRAMES: Readonly<Record<PageSize, ReturnType<typeof layoutFrame>>> = {
  A4: layoutFrame('A4'),
  Letter: layoutFrame('Letter'),
};

/**
 * Registers a scanned page by its corner discs and reads its QR code: the page's exam, version, variant, student and
 * page number. The paper size is guessed from the aspect ratio. Undefined when no corner marks or no readable QR code
 * are found (a blank page, a foreign page, or one that needs a person's look).
 */
export function readPageIdentity(image: GreyImage): PageReading | undefined {
  return readUpright(image, false) ?? readUpright(rotateHalfTurn(image), true);
}

/** The page turned by 180°: a sheet fed upside down reads the right way up. */
export function rotateHalfTurn(image: GreyImage): GreyImage {
  return { width: image.width, height: image.height, pixels: Uint8Array.from(image.pixels).reverse() };
}

function readUpright(image: GreyImage, upsideDown: boolean): PageReading | undefined {
  const aspect = image.height / image.width;
  const pageSize: PageSize = Math.abs(aspect - 841.89 / 595.28) < Math.abs(aspect - 792 / 612) ? 'A4' : 'Letter';
  const frame = FRAMES[pageSize];
  const corners = findCornerMarks(image, frame.page.cornerMarks, frame.width, otsuThreshold(image));
  if (!corners) return undefined;
  const homography = fitHomography(frame.page.cornerMarks, corners);
  const text = decodeQr(image, homography, frame.page.qr);
  const identity = text === undefined ? undefined : decodeSheetIdentity(text);
  return identity ? { identity, homography, upsideDown, image } : undefined;
}

/** Cuts the QR area (with a margin) out of the page, straightened by the homography, and decodes it with jsQR. */
function decodeQr(
  image: GreyImage,
  homography: Homography,
  area: { x: number; y: number; width: number; height: number },
): string | undefined {
  const margin = 10;
  const scale = Math.max(
    2,
    (project(homography, { x: area.x + area.width, y: area.y }).x - project(homography, area).x) / area.width,
  );
  const size = Math.round((area.width + 2 * margin) * scale);
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const point = project(homography, { x: area.x - margin + column / scale, y: area.y - margin + row / scale });
      const px = Math.round(point.x);
      const py = Math.round(point.y);
      const grey =
        px < 0 || py < 0 || px >= image.width || py >= image.height
          ? 255
          : (image.pixels[py * image.width + px] ?? 255);
      const offset = (row * size + column) * 4;
      rgba[offset] = grey;
      rgba[offset + 1] = grey;
      rgba[offset + 2] = grey;
      rgba[offset + 3] = 255;
    }
  }
  // jsqr is CommonJS: Node's default import is its module object, whose `default` is the decoder.
  return jsqr.default(rgba, size, size, { inversionAttempts: 'dontInvert' })?.data;
}
