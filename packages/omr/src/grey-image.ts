/** A greyscale raster: one byte per pixel, 0 black, 255 white, rows top to bottom. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export function pixelAt(image: GreyImage, x: number, y: number): number {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= image.width || py >= image.height) return 255;
  return image.pixels[py * image.width + px] ?? 255;
}

/** The median grey of `count` pixels counted in a 256-level histogram (white when there are none). */
export function histogramMedian(histogram: Uint32Array, count: number): number {
  let seen = 0;
  for (let grey = 0; grey < 256; grey += 1) {
    seen += histogram[grey] ?? 0;
    if (seen * 2 >= count) return grey;
  }
  return 255;
}

/**
 * Otsu's threshold: the grey level that best separates ink from paper on this image; pixels below it are ink (so on a
 * black-and-white scan it lies above black).
 */
export function otsuThreshold(image: GreyImage): number {
  const histogram = new Float64Array(256);
  const { pixels, width, height } = image;
  // A sample on a grid of about 600 × 850 points holds the same histogram shape at a fraction of the cost.
  const step = Math.max(1, Math.floor(Math.min(width, height) / 600));
  let total = 0;
  for (let y = 0; y < height; y += step) {
    for (let index = y * width; index < (y + 1) * width; index += step) {
      const value = pixels[index] ?? 0;
      histogram[value] = (histogram[value] ?? 0) + 1;
      total += 1;
    }
  }
  let sum = 0;
  for (let level = 0; level < 256; level += 1) sum += level * (histogram[level] ?? 0);
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 128;
  for (let level = 0; level < 256; level += 1) {
    below += histogram[level] ?? 0;
    if (below === 0 || below === total) continue;
    sumBelow += level * (histogram[level] ?? 0);
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / (total - below);
    const between = below * (total - below) * (meanBelow - meanAbove) ** 2;
    if (between > best) [best, threshold] = [between, level + 1];
  }
  return threshold;
}
