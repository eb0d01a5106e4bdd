/**
 * A fax in standard mode (ITU-T T.4): 1728 pixels across 215 mm (≈ 204 dpi) and 3.85 lines per mm (≈ 98 dpi), one bit
 * per pixel. The sending machine thresholds its scan at a level of its own (110–200 of 255 across machines) or, in
 * "photo" mode, dithers it; the line may drop a bit now and then and a damaged line is replaced by the one before.
 * The receiver prints or stores each line twice, which gives the near-square pixels (204 × 196 dpi) a reader sees.
 */
import { blur, encodePng, PAGE, printedAreaCut, quantise, resample, warp } from './capture-common.js';
import type { Captured } from './capture.js';
import { compose, rotate, scale, translate } from './homography.js';
import { RENDER_DPI, type Raster } from './ink.js';
import type { Rng } from './random.js';
import { round } from './capture-scanner.js';

const MM = 72 / 25.4;
const X_DPI = 1728 / (215 / 25.4);
const Y_DPI = 3.85 * 25.4;
const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

export async function fax(page: Raster, random: Rng): Promise<Captured> {
  const width = 1728;
  const height = Math.round((PAGE.height * Y_DPI) / 72);
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  const angle = random.uniform(-1, 1) * (Math.PI / 180);
  // The sheet is centred on the 215 mm scan line, then slips a little as it feeds.
  const margin = (215 * MM - PAGE.width) / 2;
  const sent = compose(
    scale(X_DPI / 72, Y_DPI / 72),
    translate(cx + margin + random.uniform(-2, 2) * MM, cy + random.uniform(-2, 2) * MM),
    rotate(angle),
    translate(-cx, -cy),
  );
  const source = await resample(page, RENDER_DPI, X_DPI, Y_DPI);
  const scanned = await blur(
    quantise(
      warp(source, { x: X_DPI, y: Y_DPI }, sent, width, height, () => 250),
      width,
      height,
    ),
    0.4,
  );
  const mode = random.chance(0.7) ? 'threshold' : random.pick(['dither-ordered', 'dither-diffusion'] as const);
  const threshold = Math.round(random.uniform(110, 200));
  const bits =
    mode === 'threshold'
      ? thresholdBits(scanned, threshold)
      : mode === 'dither-ordered'
        ? ordered(scanned)
        : diffused(scanned);
  const flips = random.uniform(0, 2e-4);
  for (let index = 0; index < bits.length; index += 1) if (random.chance(flips)) bits[index] = 255 - (bits[index] ?? 0);
  const lineErrors = random.uniform(0, 0.004);
  for (let y = 1; y < height; y += 1)
    if (random.chance(lineErrors)) bits.copyWithin(y * width, (y - 1) * width, y * width);
  const pixels = new Uint8Array(width * height * 2);
  for (let y = 0; y < height; y += 1) {
    pixels.set(bits.subarray(y * width, (y + 1) * width), 2 * y * width);
    pixels.set(bits.subarray(y * width, (y + 1) * width), (2 * y + 1) * width);
  }
  const image = { width, height: height * 2, pixels };
  const pageToImage = compose(scale(1, 2), sent);
  return {
    file: await encodePng(image),
    format: 'png',
    dpi: Math.round(X_DPI),
    cut: printedAreaCut(pageToImage, image.width, image.height),
    pageToImage,
    settings: {
      mode,
      threshold: mode === 'threshold' ? threshold : 0,
      angleDeg: round((angle * 180) / Math.PI),
      flips: round(flips * 1e4),
      lineErrors: round(lineErrors * 1e3),
    },
  };
}

function thresholdBits(image: Raster, threshold: number): Uint8Array {
  return image.pixels.map((value) => (value < threshold ? 0 : 255));
}

function ordered(image: Raster): Uint8Array {
  const out = new Uint8Array(image.pixels.length);
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1) {
      const level = (((BAYER[(y % 4) * 4 + (x % 4)] ?? 0) + 0.5) / 16) * 255;
      out[y * image.width + x] = (image.pixels[y * image.width + x] ?? 255) < level ? 0 : 255;
    }
  return out;
}

/** Floyd–Steinberg error diffusion. */
function diffused(image: Raster): Uint8Array {
  const { width, height } = image;
  const values = Float32Array.from(image.pixels);
  const out = new Uint8Array(values.length);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const value = values[index] ?? 255;
      const bit = value < 128 ? 0 : 255;
      out[index] = bit;
      const error = value - bit;
      if (x + 1 < width) values[index + 1] = (values[index + 1] ?? 0) + (error * 7) / 16;
      if (y + 1 < height) {
        if (x > 0) values[index + width - 1] = (values[index + width - 1] ?? 0) + (error * 3) / 16;
        values[index + width] = (values[index + width] ?? 0) + (error * 5) / 16;
        if (x + 1 < width) values[index + width + 1] = (values[index + width + 1] ?? 0) + error / 16;
      }
    }
  return out;
}
