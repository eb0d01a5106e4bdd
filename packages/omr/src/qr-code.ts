import type { Rect } from '@examforge/core';
import jsqr from 'jsqr';
import { localScale } from './geometry.js';
import type { GreyImage } from './grey-image.js';
import { project, type Homography, type Point } from './homography.js';
import { sampleThrough, type Sampling } from './sample-through.js';

/** A QR code read from a page: its text, and where its finder patterns were printed and found. */
export interface QrReading {
  readonly text: string;
  /** The largest distance (points) between a finder pattern's centre as found and as printed. */
  readonly finderOffset: number;
  /** Centres of the top-left, top-right and bottom-left finder patterns as printed (sheet points). */
  readonly printedFinders: readonly Point[];
  /** The same centres as found in the image (pixels): where the code really is, whatever fit read it. */
  readonly foundFinders: readonly Point[];
  /** The code's version (its size in modules is 17 + 4 × version). */
  readonly version: number;
}

/** Sheet points around the code's area that are sampled too, so a slightly misplaced code is still whole. */
const MARGIN = 10;

/**
 * The printed codes have about 33 modules and a quiet zone of two each side: a module is about this share of the area.
 * (Only the averaging below depends on it, and only roughly.)
 */
const MODULE_SHARE = 1 / 37;

/**
 * When one image pixel per sample does not read, each sample averages the image over a square this share of a module
 * wide, then twice that. Sensor noise and a phone's sharpening halo, a fax's dither and the ragged edges its threshold
 * leaves on blurred modules are all grain finer than a module: averaged, the modules come back as dark and light
 * squares, where one pixel each reads the grain. A dither's pattern repeats every few pixels, so the wider square.
 */
const AVERAGED_SHARES = [1 / 3, 2 / 3] as const;

/**
 * A black-and-white capture thresholded above mid-grey (a fax at a dark setting) swells every dark module into its
 * light neighbours by the blur's width, so the finder patterns' rings lose their 1:1:3:1:1 proportions. The last try
 * lifts the averaged greys by this power (a grey of 64 becomes 128), which moves the edge between dark and light
 * back into the dark.
 */
const SWOLLEN_INK_TONE = 0.5;

/** How one try samples the code's area. */
type Try = Pick<Sampling, 'box' | 'tone'>;

/**
 * Cuts a QR code's area (with a margin) out of the page, straightened by the homography, and decodes it with jsQR:
 * first one image pixel per sample (sharp, cheap, enough for a scanner's page), then, when that fails, samples that
 * average the image around them (a grainy photo, a dithered fax). `averagedOnly` skips the first try: through a fit
 * that is not a flat scan's (a photo in perspective), one pixel a sample reads the grain, and on a noisy image jsQR
 * takes longest to fail. Also says where the code's three finder patterns
 * were found against where the printer put them (the paper package draws a two-module quiet zone inside the area):
 * near zero when the homography is right, so the code checks the registration that read it.
 *
 * @example
 * const code = readQrCode(image, homography, page.qr); // { text: 'EF1|…', finderOffset: 0.3, … }
 */
export function readQrCode(
  image: GreyImage,
  homography: Homography,
  area: Rect,
  options: { readonly averagedOnly?: boolean } = {},
): QrReading | undefined {
  const pixelsPerPoint = localScale(homography, { x: area.x + area.width / 2, y: area.y + area.height / 2 });
  const modulePixels = area.width * MODULE_SHARE * pixelsPerPoint;
  const [small = 1, wide = 1] = AVERAGED_SHARES.map((share) => Math.max(1, Math.round((share * modulePixels) / 2)));
  const averaged: Try[] = [
    { box: small, tone: 1 },
    ...(wide > small ? [{ box: wide, tone: 1 }] : []),
    { box: small, tone: SWOLLEN_INK_TONE },
  ];
  for (const attempt of options.averagedOnly ? averaged : [{ box: 0, tone: 1 }, ...averaged]) {
    const reading = readSampled(image, homography, area, attempt);
    if (reading) return reading;
  }
  return undefined;
}

/**
 * Looks for a code anywhere within `margin` points of where the homography puts it (a rough map: the page as if it
 * filled the image). The window is sampled at the image's own resolution, since the code may be smaller there than
 * the map says (a photo frames the page loosely), with averaged samples, one try: this is the last resort for a page
 * whose corner discs did not register it, not a reading to repeat.
 *
 * @example
 * const code = searchQrCode(image, pageFillsImage, page.qr, 100); // found 60 pt from where it was expected
 */
export function searchQrCode(image: GreyImage, homography: Homography, area: Rect, margin: number) {
  const pixelsPerPoint = localScale(homography, { x: area.x + area.width / 2, y: area.y + area.height / 2 });
  const box = Math.max(1, Math.round((AVERAGED_SHARES[0] * area.width * MODULE_SHARE * pixelsPerPoint) / 2));
  return readSampled(image, homography, area, { box, tone: 1 }, { margin, scale: pixelsPerPoint });
}

/** The code read through samples taken as `attempt` says, over the area and `margin` points around it. */
function readSampled(
  image: GreyImage,
  homography: Homography,
  area: Rect,
  attempt: Try,
  window: { readonly margin: number; readonly scale?: number } = { margin: MARGIN },
): QrReading | undefined {
  const left = project(homography, area);
  const right = project(homography, { x: area.x + area.width, y: area.y });
  const scale = window.scale ?? Math.max(2, Math.hypot(right.x - left.x, right.y - left.y) / area.width);
  const size = Math.round((area.width + 2 * window.margin) * scale);
  const origin = { x: area.x - window.margin, y: area.y - window.margin };
  const code = jsqr.default(sampleThrough(image, homography, { origin, scale, size, ...attempt }), size, size, {
    inversionAttempts: 'dontInvert',
  });
  if (!code) return undefined;
  const toSheet = (p: Point) => ({ x: origin.x + p.x / scale, y: origin.y + p.y / scale });
  const printedFinders = printedFinderCentres(area, code.version);
  const { topLeftFinderPattern, topRightFinderPattern, bottomLeftFinderPattern } = code.location;
  const found = [topLeftFinderPattern, topRightFinderPattern, bottomLeftFinderPattern].map(toSheet);
  const finderOffset = Math.max(
    ...found.map((sheet, index) => {
      const expected = printedFinders[index] ?? sheet;
      return Math.hypot(sheet.x - expected.x, sheet.y - expected.y);
    }),
  );
  const foundFinders = found.map((point) => project(homography, point));
  return { text: code.data, finderOffset, printedFinders, foundFinders, version: code.version };
}

/**
 * How far (points) a code already read lies from where another fit puts its finder patterns: the code was found where
 * it is in the image, so any fit can be checked against it without reading the code again.
 *
 * @example
 * finderOffsetThrough(otherFit.homography, reading); // 0.4: the other fit puts the code where it was found
 */
export function finderOffsetThrough(homography: Homography, reading: QrReading): number {
  return Math.max(
    ...reading.printedFinders.map((printed, index) => {
      const found = reading.foundFinders[index] ?? { x: Infinity, y: Infinity };
      const projected = project(homography, printed);
      return Math.hypot(projected.x - found.x, projected.y - found.y) / localScale(homography, printed);
    }),
  );
}

/**
 * Centres of the top-left, top-right and bottom-left finder patterns of a code of this version drawn in the area.
 *
 * @example
 * printedFinderCentres(page.qr, 4); // [{ x: 485.7, y: 46.7 }, …]
 */
export function printedFinderCentres(area: Rect, version: number): Point[] {
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
