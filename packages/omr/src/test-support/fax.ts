import { seededRandom } from '@examforge/core';
import sharp from 'sharp';
import type { GreyImage } from '../grey-image.js';

/** How a fax machine turned grey into black and white: one threshold, or a dither that spreads grey into dots. */
export type FaxTone =
  | { readonly kind: 'threshold'; readonly level: number }
  | { readonly kind: 'ordered-dither' }
  | { readonly kind: 'error-diffusion' };

/**
 * A page sent by fax in standard resolution: the sending machine reads 8 pixels a millimetre across the whole 216 mm
 * scan line and only 3.85 lines a millimetre down, each pixel the mean of the paper under it; it keeps one bit per
 * pixel (a threshold, or in photo mode a dither); the receiver prints every line twice to restore the page's shape.
 * A QR module (about 2 pt) is then 5 pixels across but two and a half lines down, and the bits at its edges (and,
 * dithered, all over grey) are grain finer than a module.
 */
export interface Fax {
  readonly tone: FaxTone;
  /** A page fed slightly crooked, degrees. */
  readonly skew: number;
  /**
   * The sender's optics, a Gaussian blur of this many millimetres (a line of the sensor sees about 0.1–0.2 mm of
   * paper either side). With a threshold above mid-grey, dark modules swell into light ones by about this much.
   */
  readonly blurMm: number;
  /**
   * Line noise: the share of bits received black whatever was sent (a poor telephone line flips isolated bits;
   * 0.0002–0.002). Absent: a clean line.
   */
  readonly noise?: number;
}

const PIXELS_PER_MM = 8;
const LINES_PER_MM = 3.85;
const SCAN_LINE_MM = 216;

/** Bayer's 4 × 4 ordered-dither thresholds, in sixteenths. */
const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5] as const;

/** A seeded fax: threshold between 110 and 200 (the sender's contrast) half the time, else one of the two dithers. */
export function randomFax(seed: string): Fax {
  const random = seededRandom(seed);
  const pick = random();
  const tone: FaxTone =
    pick < 0.5
      ? { kind: 'threshold', level: Math.round(110 + random() * 90) }
      : pick < 0.75
        ? { kind: 'ordered-dither' }
        : { kind: 'error-diffusion' };
  return { tone, skew: (random() - 0.5) * 2, blurMm: 0.08 + random() * 0.12 };
}

/**
 * The page (rasterised at `dpi`) as the receiving fax prints it: 1728 pixels across, every line doubled.
 *
 * @example
 * const received = await sendByFax(printed, 200, { tone: { kind: 'ordered-dither' }, skew: 0.4, blurMm: 0.1 });
 */
export async function sendByFax(page: GreyImage, dpi: number, fax: Fax): Promise<GreyImage> {
  const sigma = (fax.blurMm / 25.4) * dpi;
  const seen = sigma >= 0.3 ? await blurred(page, sigma) : page;
  const sampled = scanLines(seen, dpi, fax.skew);
  const bits = toBits(sampled, fax.tone);
  if (fax.noise) flipBits(bits, fax.noise);
  return doubleLines(bits);
}

/** Isolated bits turned black by the line, at `share` of the bits (seeded by the share, so a fax is repeatable). */
function flipBits(image: GreyImage, share: number): void {
  const random = seededRandom(`line-noise-${share}`);
  for (let index = 0; index < image.pixels.length; index += 1) if (random() < share) image.pixels[index] = 0;
}

async function blurred(page: GreyImage, sigma: number): Promise<GreyImage> {
  const { data, info } = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .blur(sigma)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** The sender's pixels: each the mean of the page under its cell (white beyond the page), the page centred. */
function scanLines(page: GreyImage, dpi: number, skew: number): GreyImage {
  const width = Math.round(SCAN_LINE_MM * PIXELS_PER_MM);
  const pageMm = (page.width / dpi) * 25.4;
  const height = Math.round((page.height / dpi) * 25.4 * LINES_PER_MM);
  const pixels = new Uint8Array(width * height);
  const sourcePerMm = dpi / 25.4;
  const cellX = sourcePerMm / PIXELS_PER_MM;
  const cellY = sourcePerMm / LINES_PER_MM;
  const offsetMm = (SCAN_LINE_MM - pageMm) / 2;
  const angle = (skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [cx, cy] = [page.width / 2, page.height / 2];
  for (let row = 0; row < height; row += 1)
    for (let column = 0; column < width; column += 1) {
      // The cell's centre on the page, turned by the skew about the page's centre.
      const x = (column / PIXELS_PER_MM - offsetMm) * sourcePerMm + cellX / 2 - cx;
      const y = (row / LINES_PER_MM) * sourcePerMm + cellY / 2 - cy;
      const sx = cx + cos * x - sin * y;
      const sy = cy + sin * x + cos * y;
      pixels[row * width + column] = cellMean(page, sx, sy, cellX, cellY);
    }
  return { width, height, pixels };
}

/** The mean of the page over a cell of `w` × `h` pixels centred on (x, y), sampled on a grid of about 3 × 6 points. */
function cellMean(page: GreyImage, x: number, y: number, w: number, h: number): number {
  const [nx, ny] = [3, 6];
  let sum = 0;
  for (let j = 0; j < ny; j += 1)
    for (let i = 0; i < nx; i += 1) {
      const px = Math.round(x + ((i + 0.5) / nx - 0.5) * w);
      const py = Math.round(y + ((j + 0.5) / ny - 0.5) * h);
      sum +=
        px < 0 || py < 0 || px >= page.width || py >= page.height ? 255 : (page.pixels[py * page.width + px] ?? 255);
    }
  return Math.round(sum / (nx * ny));
}

function toBits(image: GreyImage, tone: FaxTone): GreyImage {
  const { width, height } = image;
  const pixels = new Uint8Array(image.pixels);
  switch (tone.kind) {
    case 'threshold':
      for (let i = 0; i < pixels.length; i += 1) pixels[i] = (pixels[i] ?? 255) < tone.level ? 0 : 255;
      return { width, height, pixels };
    case 'ordered-dither':
      for (let y = 0; y < height; y += 1)
        for (let x = 0; x < width; x += 1) {
          const level = (((BAYER[(y % 4) * 4 + (x % 4)] ?? 0) + 0.5) / 16) * 255;
          pixels[y * width + x] = (pixels[y * width + x] ?? 255) < level ? 0 : 255;
        }
      return { width, height, pixels };
    case 'error-diffusion':
      return { width, height, pixels: diffuseErrors(image) };
  }
}

/** Floyd and Steinberg's error diffusion: each pixel's rounding error is pushed onto its unvisited neighbours. */
function diffuseErrors(image: GreyImage): Uint8Array {
  const { width, height } = image;
  const values = Float32Array.from(image.pixels);
  const out = new Uint8Array(width * height);
  const push = (x: number, y: number, amount: number) => {
    if (x >= 0 && x < width && y < height) values[y * width + x] = (values[y * width + x] ?? 0) + amount;
  };
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const value = values[y * width + x] ?? 255;
      const bit = value < 128 ? 0 : 255;
      out[y * width + x] = bit;
      const error = value - bit;
      push(x + 1, y, (error * 7) / 16);
      push(x - 1, y + 1, (error * 3) / 16);
      push(x, y + 1, (error * 5) / 16);
      push(x + 1, y + 1, error / 16);
    }
  return out;
}

/** The receiver prints each line twice. */
function doubleLines(image: GreyImage): GreyImage {
  const { width, height } = image;
  const pixels = new Uint8Array(width * height * 2);
  for (let row = 0; row < height; row += 1) {
    const line = image.pixels.subarray(row * width, (row + 1) * width);
    pixels.set(line, 2 * row * width);
    pixels.set(line, (2 * row + 1) * width);
  }
  return { width, height: height * 2, pixels };
}

/**
 * Where a page point lands on the received fax, in pixels (for checking a registration against the truth).
 *
 * @example
 * faxPixel({ x: 100, y: 200 }, 595.28, fax); // { x: …, y: … }
 */
export function faxPixel(point: { x: number; y: number }, page: { width: number; height: number }, fax: Fax) {
  const angle = (fax.skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const mmPerPoint = 25.4 / 72;
  // Page point (mm from the page's centre), turned back by the skew: the scanner's cell that sees it.
  const [x, y] = [(point.x - page.width / 2) * mmPerPoint, (point.y - page.height / 2) * mmPerPoint];
  const [ux, uy] = [cos * x + sin * y, -sin * x + cos * y];
  const offsetMm = (SCAN_LINE_MM - page.width * mmPerPoint) / 2;
  const column = (ux + (page.width * mmPerPoint) / 2 + offsetMm) * PIXELS_PER_MM - 0.5;
  const row = (uy + (page.height * mmPerPoint) / 2) * LINES_PER_MM - 0.5;
  return { x: column, y: 2 * row + 0.5 };
}
