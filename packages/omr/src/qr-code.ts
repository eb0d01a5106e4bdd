import type { Rect } from '@examforge/core';
import jsqr from 'jsqr';
import type { GreyImage } from './grey-image.js';
import { project, type Homography, type Point } from './homography.js';

/** A QR code read from a page: its text, and how far its finder patterns lie from where the sheet printed them. */
export interface QrReading {
  readonly text: string;
  /** The largest distance (points) between a finder pattern's centre as found and as printed. */
  readonly finderOffset: number;
}

/** Sheet points around the code's area that are sampled too, so a slightly misplaced code is still whole. */
const MARGIN = 10;

/**
 * Cuts a QR code's area (with a margin) out of the page, straightened by the homography, and decodes it with jsQR.
 * Also says where the code's three finder patterns were found against where the printer put them (the paper package
 * draws a two-module quiet zone inside the area): near zero when the homography is right, so the code checks the
 * registration that read it.
 *
 * @example
 * const code = readQrCode(image, homography, page.qr); // { text: 'EF1|…', finderOffset: 0.3 }
 */
export function readQrCode(image: GreyImage, homography: Homography, area: Rect): QrReading | undefined {
  const left = project(homography, area);
  const right = project(homography, { x: area.x + area.width, y: area.y });
  const scale = Math.max(2, Math.hypot(right.x - left.x, right.y - left.y) / area.width);
  const size = Math.round((area.width + 2 * MARGIN) * scale);
  const origin = { x: area.x - MARGIN, y: area.y - MARGIN };
  const code = jsqr.default(straightened(image, homography, origin, scale, size), size, size, {
    inversionAttempts: 'dontInvert',
  });
  if (!code) return undefined;
  const toSheet = (p: Point) => ({ x: origin.x + p.x / scale, y: origin.y + p.y / scale });
  const printed = printedFinders(area, code.version);
  const found = [code.location.topLeftFinderPattern, code.location.topRightFinderPattern];
  found.push(code.location.bottomLeftFinderPattern);
  const finderOffset = Math.max(
    ...found.map((point, index) => {
      const sheet = toSheet(point);
      const expected = printed[index] ?? sheet;
      return Math.hypot(sheet.x - expected.x, sheet.y - expected.y);
    }),
  );
  return { text: code.data, finderOffset };
}

/** The page sampled through the homography on a square grid of `size` pixels, `scale` per point, as RGBA. */
function straightened(
  image: GreyImage,
  homography: Homography,
  origin: Point,
  scale: number,
  size: number,
): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const point = project(homography, { x: origin.x + column / scale, y: origin.y + row / scale });
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
  return rgba;
}

/** Centres of the top-left, top-right and bottom-left finder patterns of a code of this version drawn in the area. */
function printedFinders(area: Rect, version: number): Point[] {
  const modules = 17 + 4 * version;
  const module = area.width / (modules + 4);
  const near = (2 + 3.5) * module;
  const far = (2 + modules - 3.5) * module;
  return [
    { x: area.x + near, y: area.y + near },
    { x: area.x + far, y: area.y + near },
    { x: area.x + near, y: area.y + far },
  ];
}
