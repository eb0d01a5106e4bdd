/**
 * Pixel operations shared by the captures. sharp does what it does well (resampling with a proper filter, Gaussian
 * blur, unsharp masking, JPEG); the rest (projective placement, motion blur, light, noise) is plain loops here.
 */
import { PAGE_DIMENSIONS, SHEET_GEOMETRY } from '@examforge/core';
import sharp from 'sharp';
import { apply, compose, invert, scale, type Matrix3 } from './homography.js';
import type { Raster } from './ink.js';

export const PAGE = PAGE_DIMENSIONS.A4;

function image(raster: Raster) {
  return sharp(raster.pixels, { raw: { width: raster.width, height: raster.height, channels: 1 } });
}

async function toRaster(pipeline: sharp.Sharp): Promise<Raster> {
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/**
 * The page as a sensor of `xDpi` × `yDpi` sees it, before it is placed anywhere: each cell integrates the light over
 * its area (Lanczos resampling of the 400 dpi drawing stands in for that).
 */
export async function resample(page: Raster, fromDpi: number, xDpi: number, yDpi: number = xDpi): Promise<Raster> {
  const width = Math.round((page.width * xDpi) / fromDpi);
  const height = Math.round((page.height * yDpi) / fromDpi);
  return toRaster(image(page).resize(width, height, { fit: 'fill', kernel: 'lanczos3' }));
}

/**
 * Places the page in the capture's frame. `pageToFrame` maps page points to frame pixels; `source` holds the page at
 * `sourceDpi` (x and y). Frame pixels that see no page get `background(x, y)`. Bilinear sampling.
 */
export function warp(
  source: Raster,
  sourceDpi: { readonly x: number; readonly y: number },
  pageToFrame: Matrix3,
  width: number,
  height: number,
  background: (x: number, y: number) => number,
): Float32Array {
  const [a, b, c, d, e, f, g, h, i] = compose(scale(sourceDpi.x / 72, sourceDpi.y / 72), invert(pageToFrame));
  const out = new Float32Array(width * height);
  const { pixels } = source;
  const sw = source.width;
  const sh = source.height;
  for (let y = 0; y < height; y += 1) {
    const v = y + 0.5;
    // Along a row the projective map's numerators and denominator change linearly: step them.
    let nx = a * 0.5 + b * v + c;
    let ny = d * 0.5 + e * v + f;
    let w = g * 0.5 + h * v + i;
    for (let x = 0; x < width; x += 1, nx += a, ny += d, w += g) {
      const fx = nx / w - 0.5;
      const fy = ny / w - 0.5;
      if (fx < -0.5 || fy < -0.5 || fx > sw - 0.5 || fy > sh - 0.5) {
        out[y * width + x] = background(x, y);
        continue;
      }
      const x0 = Math.min(sw - 2, Math.max(0, Math.floor(fx)));
      const y0 = Math.min(sh - 2, Math.max(0, Math.floor(fy)));
      const tx = Math.min(1, Math.max(0, fx - x0));
      const ty = Math.min(1, Math.max(0, fy - y0));
      const k = y0 * sw + x0;
      const top = (pixels[k] ?? 255) * (1 - tx) + (pixels[k + 1] ?? 255) * tx;
      const bottom = (pixels[k + sw] ?? 255) * (1 - tx) + (pixels[k + sw + 1] ?? 255) * tx;
      out[y * width + x] = top * (1 - ty) + bottom * ty;
    }
  }
  return out;
}

export function quantise(values: Float32Array, width: number, height: number): Raster {
  const pixels = new Uint8Array(values.length);
  for (let index = 0; index < values.length; index += 1)
    pixels[index] = Math.min(255, Math.max(0, Math.round(values[index] ?? 0)));
  return { width, height, pixels };
}

/** Optical blur of a lens or a scanner's lens and sensor (Gaussian, sigma in px). */
export async function blur(raster: Raster, sigma: number): Promise<Raster> {
  return sigma < 0.3 ? raster : toRaster(image(raster).blur(sigma));
}

/**
 * What a phone's pipeline does to every photo: a denoiser that smooths the grain (a Gaussian of `denoise` px), then an
 * unsharp mask (1 px, `amount`) that restores edges: (1 + a)·G(d) − a·G(√(d² + 1)).
 */
export async function denoiseAndSharpen(raster: Raster, denoise: number, amount: number): Promise<Raster> {
  // Two separable Gaussian blurs are far cheaper than one large kernel.
  const narrow = await blur(raster, denoise);
  const broad = await blur(raster, Math.sqrt(denoise * denoise + 1));
  const pixels = new Uint8Array(raster.pixels.length);
  for (let index = 0; index < pixels.length; index += 1) {
    const value = (1 + amount) * (narrow.pixels[index] ?? 0) - amount * (broad.pixels[index] ?? 0);
    pixels[index] = Math.min(255, Math.max(0, Math.round(value)));
  }
  return { width: raster.width, height: raster.height, pixels };
}

/** The camera moved while the shutter was open: the average along a line of `length` px (a line kernel). */
export async function motionBlur(raster: Raster, length: number, angle: number): Promise<Raster> {
  const half = Math.ceil(length / 2);
  const size = 2 * half + 1;
  const kernel = new Array<number>(size * size).fill(0);
  const taps = Math.max(2, Math.round(length * 2) + 1);
  for (let k = 0; k < taps; k += 1) {
    const t = (k / (taps - 1) - 0.5) * length;
    const x = Math.round(half + Math.cos(angle) * t);
    const y = Math.round(half + Math.sin(angle) * t);
    kernel[y * size + x] = (kernel[y * size + x] ?? 0) + 1;
  }
  return toRaster(image(raster).convolve({ width: size, height: size, kernel, scale: taps }));
}

export async function encodeJpeg(raster: Raster, quality: number): Promise<Buffer> {
  return image(raster).jpeg({ quality, chromaSubsampling: '4:4:4' }).toBuffer();
}

export async function encodePng(raster: Raster): Promise<Buffer> {
  return image(raster).png({ compressionLevel: 2 }).toBuffer();
}

export async function decode(data: Buffer): Promise<Raster> {
  return toRaster(sharp(data));
}

/**
 * Whether part of the printed area (out to the corner discs' outer edges) falls outside the delivered image: the
 * page's own blank border may be lost without anything printed going missing.
 */
export function printedAreaCut(pageToFrame: Matrix3, width: number, height: number): boolean {
  const edge = SHEET_GEOMETRY.cornerInset - SHEET_GEOMETRY.cornerRadius;
  const corners = [
    [edge, edge],
    [PAGE.width - edge, edge],
    [edge, PAGE.height - edge],
    [PAGE.width - edge, PAGE.height - edge],
  ] as const;
  return corners.some(([x, y]) => {
    const at = apply(pageToFrame, x, y);
    return at.x < 0 || at.y < 0 || at.x > width || at.y > height;
  });
}
