import type { GreyImage } from './grey-image.js';
import { project, type Homography, type Point } from './homography.js';

/** A square grid of samples of the page, seen through a homography from sheet points to image pixels. */
export interface Sampling {
  /** The sheet point of the grid's top-left sample. */
  readonly origin: Point;
  /** Samples per point. */
  readonly scale: number;
  /** Samples on each side. */
  readonly size: number;
  /** Each sample averages a square of `2·box + 1` image pixels around it (one pixel when 0). */
  readonly box: number;
  /** Greys are raised to this power of their share of white (1: as they are). */
  readonly tone: number;
}

/**
 * The page sampled through the homography on a square grid, as RGBA (what jsQR reads); outside the image is white
 * paper. Box means come from a summed-area table of the part of the image under the grid, so a wide box costs no
 * more than a narrow one.
 *
 * @example
 * const rgba = sampleThrough(image, homography, { origin: { x: 470, y: 26 }, scale: 3, size: 276, box: 1, tone: 1 });
 */
export function sampleThrough(image: GreyImage, homography: Homography, sampling: Sampling): Uint8ClampedArray {
  const { origin, scale, size, box, tone } = sampling;
  const [a = 1, b = 0, c = 0, d = 0, e = 1, f = 0, g = 0, k = 0] = homography;
  const mean = box === 0 ? pixelReader(image) : boxReader(image, covered(homography, sampling), box);
  const rgba = new Uint8ClampedArray(size * size * 4);
  const step = 1 / scale;
  for (let row = 0; row < size; row += 1) {
    const v = origin.y + row * step;
    let [x, y, w] = [a * origin.x + b * v + c, d * origin.x + e * v + f, g * origin.x + k * v + 1];
    for (let column = 0; column < size; column += 1) {
      const grey = mean(Math.round(x / w), Math.round(y / w));
      const value = tone === 1 ? grey : 255 * (grey / 255) ** tone;
      const offset = (row * size + column) * 4;
      rgba[offset] = value;
      rgba[offset + 1] = value;
      rgba[offset + 2] = value;
      rgba[offset + 3] = 255;
      x += a * step;
      y += d * step;
      w += g * step;
    }
  }
  return rgba;
}

type Reader = (x: number, y: number) => number;

function pixelReader(image: GreyImage): Reader {
  const { width, height, pixels } = image;
  return (x, y) => (x < 0 || y < 0 || x >= width || y >= height ? 255 : (pixels[y * width + x] ?? 255));
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The pixel rectangle holding every sample of the grid, grown by `margin`. */
function covered(homography: Homography, sampling: Sampling, margin = 0): Box {
  const span = sampling.size / sampling.scale;
  const corners = [
    [0, 0],
    [span, 0],
    [0, span],
    [span, span],
  ].map(([dx = 0, dy = 0]) => project(homography, { x: sampling.origin.x + dx, y: sampling.origin.y + dy }));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return {
    x0: Math.floor(Math.min(...xs)) - margin,
    y0: Math.floor(Math.min(...ys)) - margin,
    x1: Math.ceil(Math.max(...xs)) + margin,
    y1: Math.ceil(Math.max(...ys)) + margin,
  };
}

/** Means of squares of `2·box + 1` pixels, from a summed-area table of the rectangle (grown by the box). */
function boxReader(image: GreyImage, area: Box, box: number): Reader {
  const [x0, y0] = [area.x0 - box - 1, area.y0 - box - 1];
  const [w, h] = [area.x1 - x0 + box + 2, area.y1 - y0 + box + 2];
  const read = pixelReader(image);
  // sums[(y + 1)·(w + 1) + x + 1] is the sum over the rectangle's pixels up to (x, y).
  const sums = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y += 1) {
    let row = 0;
    for (let x = 0; x < w; x += 1) {
      row += read(x0 + x, y0 + y);
      sums[(y + 1) * (w + 1) + x + 1] = (sums[y * (w + 1) + x + 1] ?? 0) + row;
    }
  }
  const count = (2 * box + 1) ** 2;
  const at = (x: number, y: number) => sums[Math.max(0, Math.min(h, y)) * (w + 1) + Math.max(0, Math.min(w, x))] ?? 0;
  return (x, y) => {
    const [left, top] = [x - box - x0, y - box - y0];
    const [right, bottom] = [left + 2 * box + 1, top + 2 * box + 1];
    return (at(right, bottom) - at(left, bottom) - at(right, top) + at(left, top)) / count;
  };
}
