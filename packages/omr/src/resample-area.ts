import type { Rect } from '@examforge/core';
import type { GreyImage } from './grey-image.js';
import type { Homography } from './homography.js';

/** A window of pixels of a resampled area: columns `left` … `left + width - 1`, rows `top` … `top + height - 1`. */
export interface PixelWindow {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A row whose projection's denominator changes by less than this share along it is sampled along the chord between its
 * exact ends: the chord strays from the curve by about a quarter of the share squared times the row's reach in
 * pixels (under a thousandth of a pixel on any page).
 */
const FLAT_ROW = 1e-3;

/** The pixel size of `area` seen at `scale` pixels per point. */
export function areaPixels(area: Rect, scale: number): PixelWindow {
  return {
    left: 0,
    top: 0,
    width: Math.max(1, Math.round(area.width * scale)),
    height: Math.max(1, Math.round(area.height * scale)),
  };
}

/**
 * A rectangle of the sheet (points) seen upright through the homography at `scale` pixels per point: pixel (u, v)
 * shows the sheet point (area.x + u / scale, area.y + v / scale), so a page turned or photographed in perspective
 * comes out straight. Each pixel is the scan's pixel under its centre (nearest neighbour): at the scan's own
 * resolution the crop holds the scanned pixels themselves, unblurred, and costs little more than a copy (a
 * bilinear resample took three times as long on a free-response box). Outside the image is white paper. With
 * `window`, only that part of the area's pixels is made (a strip along a border, the inside of a box); with
 * `average` > 1, each `average` × `average` block of those pixels becomes one pixel, their mean rounded half up
 * (what is left over at the right and bottom is dropped), without the full-size image being made.
 *
 * @example
 * const upright = resampleArea(image, homography, { x: 36, y: 138, width: 523, height: 620 }, 2.78);
 */
export function resampleArea(
  image: GreyImage,
  homography: Homography,
  area: Rect,
  scale: number,
  window: PixelWindow = areaPixels(area, scale),
  average = 1,
): GreyImage {
  const width = Math.floor(window.width / average);
  const height = Math.floor(window.height / average);
  const pixels = new Uint8Array(width * height);
  const sums = new Uint32Array(width);
  const row = new Uint8Array(width * average);
  const sample = rowSampler(image, homography, area, scale);
  const blockArea = average * average;
  for (let y = 0; y < height; y += 1) {
    if (average === 1) {
      sample(window.left, window.top + y, pixels.subarray(y * width, (y + 1) * width));
      continue;
    }
    sums.fill(0);
    for (let dy = 0; dy < average; dy += 1) {
      sample(window.left, window.top + y * average + dy, row);
      for (let x = 0, i = 0; x < width; x += 1) {
        let sum = 0;
        for (let dx = 0; dx < average; dx += 1, i += 1) sum += row[i] ?? 255;
        sums[x] = (sums[x] ?? 0) + sum;
      }
    }
    for (let x = 0, out = y * width; x < width; x += 1, out += 1)
      pixels[out] = ((2 * (sums[x] ?? 0) + blockArea) / (2 * blockArea)) | 0;
  }
  return { width, height, pixels };
}

/** Fills `target` with the area's pixels of one row from column `left` on (nearest neighbour, white outside). */
function rowSampler(image: GreyImage, homography: Homography, area: Rect, scale: number) {
  const [a = 1, b = 0, c = 0, d = 0, e = 1, f = 0, g = 0, k = 0] = homography;
  const step = 1 / scale;
  const { width: sourceWidth, height: sourceHeight, pixels: source } = image;
  const [ax, dx, gx] = [a * step, d * step, g * step];
  return (left: number, rowIndex: number, target: Uint8Array) => {
    const u = area.x + left * step;
    const v = area.y + rowIndex * step;
    // Along a row the numerators and the denominator of the projection grow linearly.
    let x = a * u + b * v + c;
    let y = d * u + e * v + f;
    const w = g * u + k * v + 1;
    // Pixel (i, j) of the image has its centre at (i, j): the nearest pixel to (sx, sy) is (floor(sx + ½), …).
    const last = Math.max(1, target.length - 1);
    if (Math.abs((gx * last) / w) < FLAT_ROW) {
      // A scan, or a photo whose perspective hardly bends the row: sampled along the straight line between the row's
      // exact ends, with no division per pixel.
      const end = w + gx * last;
      let sx = x / w + 0.5;
      let sy = y / w + 0.5;
      const stepX = ((x + ax * last) / end + 0.5 - sx) / last;
      const stepY = ((y + dx * last) / end + 0.5 - sy) / last;
      for (let index = 0; index < target.length; index += 1, sx += stepX, sy += stepY)
        target[index] =
          sx >= 0 && sy >= 0 && sx < sourceWidth && sy < sourceHeight
            ? (source[(sy | 0) * sourceWidth + (sx | 0)] ?? 255)
            : 255;
      return;
    }
    for (let index = 0, depth = w; index < target.length; index += 1) {
      const perspective = 1 / depth;
      const sx = x * perspective + 0.5;
      const sy = y * perspective + 0.5;
      x += ax;
      y += dx;
      depth += gx;
      target[index] =
        sx >= 0 && sy >= 0 && sx < sourceWidth && sy < sourceHeight
          ? (source[(sy | 0) * sourceWidth + (sx | 0)] ?? 255)
          : 255;
    }
  };
}
