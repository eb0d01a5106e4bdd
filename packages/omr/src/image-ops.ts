import type { Rect } from '@examforge/core';
import type { GreyImage } from './grey-image.js';

/** A copy of part of an image (clipped to the image), e.g. a question's row for the review queue. */
export function cropImage(image: GreyImage, area: Rect): GreyImage {
  const x0 = Math.max(0, Math.floor(area.x));
  const y0 = Math.max(0, Math.floor(area.y));
  const x1 = Math.min(image.width, Math.ceil(area.x + area.width));
  const y1 = Math.min(image.height, Math.ceil(area.y + area.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const pixels = new Uint8Array(width * height);
  for (let row = 0; row < height; row += 1) {
    const start = (y0 + row) * image.width + x0;
    pixels.set(image.pixels.subarray(start, start + width), row * width);
  }
  return { width, height, pixels };
}

/**
 * The share of clearly dark pixels (below half grey), sampled on a coarse grid: enough to tell blank paper from a
 * printed or written page, at a fraction of the cost of reading every pixel.
 */
export function inkShare(image: GreyImage): number {
  const step = Math.max(1, Math.floor(Math.min(image.width, image.height) / 400));
  let dark = 0;
  let all = 0;
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) {
      all += 1;
      if ((image.pixels[y * image.width + x] ?? 255) < 128) dark += 1;
    }
  }
  return all === 0 ? 0 : dark / all;
}
