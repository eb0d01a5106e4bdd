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
  const sample = bilinear(image);
  for (let row = 0; row < height; row += 1) {
    const v = area.y + row * step;
    // Along a row the numerators and the denominator of the projection grow linearly.
    let [x, y, w] = [a * area.x + b * v + c, d * area.x + e * v + f, g * area.x + k * v + 1];
    for (let column = 0, index = row * width; column < width; column += 1, index += 1) {
      pixels[index] = sample(x / w, y / w);
      x += a * step;
      y += d * step;
      w += g * step;
    }
  }
  return { width, height, pixels };
}

/** The image read between pixel centres (pixel (i, j) has its centre at x = i, y = j), white outside. */
function bilinear(image: GreyImage): (x: number, y: number) => number {
  const { width, height, pixels } = image;
  return (x, y) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) return 255;
    const fx = x - x0;
    const fy = y - y0;
    const i = y0 * width + x0;
    const top = (pixels[i] ?? 255) + ((pixels[i + 1] ?? 255) - (pixels[i] ?? 255)) * fx;
    const bottom = (pixels[i + width] ?? 255) + ((pixels[i + width + 1] ?? 255) - (pixels[i + width] ?? 255)) * fx;
    return Math.round(top + (bottom - top) * fy);
  };
}
