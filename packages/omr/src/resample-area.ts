import type { Rect } from '@examforge/core';
import type { GreyImage } from './grey-image.js';
import type { Homography } from './homography.js';

/**
 * A rectangle of the sheet (points) seen upright through the homography at `scale` pixels per point, sampled
 * bilinearly: a page turned or photographed in perspective comes out straight. Pixel (u, v) of the result shows
 * the sheet point (area.x + u / scale, area.y + v / scale); outside the image is white paper.
 *
 * @example
 * const upright = resampleArea(image, homography, { x: 36, y: 138, width: 523, height: 620 }, 4.2);
 */
export function resampleArea(image: GreyImage, homography: Homography, area: Rect, scale: number): GreyImage {
  const width = Math.max(1, Math.round(area.width * scale));
  const height = Math.max(1, Math.round(area.height * scale));
  const [a = 1, b = 0, c = 0, d = 0, e = 1, f = 0, g = 0, k = 0] = homography;
  const pixels = new Uint8Array(width * height);
  const step = 1 / scale;
  const { width: sourceWidth, height: sourceHeight, pixels: source } = image;
  for (let row = 0; row < height; row += 1) {
    const v = area.y + row * step;
    // Along a row the numerators and the denominator of the projection grow linearly.
    let [x, y, w] = [a * area.x + b * v + c, d * area.x + e * v + f, g * area.x + k * v + 1];
    for (let column = 0, index = row * width; column < width; column += 1, index += 1) {
      const sx = x / w;
      const sy = y / w;
      x += a * step;
      y += d * step;
      w += g * step;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      // Pixel (i, j) has its centre at (i, j); outside the image is white paper.
      if (x0 < 0 || y0 < 0 || x0 >= sourceWidth - 1 || y0 >= sourceHeight - 1) {
        pixels[index] = 255;
        continue;
      }
      const fx = sx - x0;
      const i = y0 * sourceWidth + x0;
      const topLeft = source[i] ?? 255;
      const bottomLeft = source[i + sourceWidth] ?? 255;
      const top = topLeft + ((source[i + 1] ?? 255) - topLeft) * fx;
      const bottom = bottomLeft + ((source[i + sourceWidth + 1] ?? 255) - bottomLeft) * fx;
      pixels[index] = top + (bottom - top) * (sy - y0) + 0.5;
    }
  }
  return { width, height, pixels };
}
