import { histogramMedian, type GreyImage } from './grey-image.js';

/**
 * The brightness of bare paper at every pixel, for light that falls off across a page: the median grey of each
 * square cell (`cell` pixels a side; the paper, where writing covers less than half of it), raised to the brightest
 * of its neighbours (a cell filled by a scribble is not taken for dark paper), and interpolated between cell centres.
 *
 * @example
 * const paper = paperLevels(crop, 32);
 */
export function paperLevels(image: GreyImage, cell: number): Float32Array {
  const size = Math.max(4, cell);
  const columns = Math.max(1, Math.ceil(image.width / size));
  const rows = Math.max(1, Math.ceil(image.height / size));
  const medians = new Float32Array(columns * rows);
  for (let row = 0; row < rows; row += 1)
    for (let column = 0; column < columns; column += 1)
      medians[row * columns + column] = cellMedian(image, column * size, row * size, size);
  const levels = brightestAround(medians, columns, rows);
  return interpolate(levels, columns, rows, size, image.width, image.height);
}

/** Cell values spread bilinearly between cell centres over the whole image. */
function interpolate(
  levels: Float32Array,
  columns: number,
  rows: number,
  size: number,
  width: number,
  height: number,
): Float32Array {
  const position = (at: number, cells: number) => Math.min(cells - 1, Math.max(0, (at + 0.5) / size - 0.5));
  const left = new Int32Array(width);
  const share = new Float32Array(width);
  for (let x = 0; x < width; x += 1) {
    const g = position(x, columns);
    left[x] = Math.floor(g);
    share[x] = g - Math.floor(g);
  }
  const result = new Float32Array(width * height);
  const line = new Float32Array(columns);
  for (let y = 0; y < height; y += 1) {
    const g = position(y, rows);
    const r0 = Math.floor(g);
    const r1 = Math.min(rows - 1, r0 + 1);
    const fy = g - r0;
    for (let c = 0; c < columns; c += 1) {
      const top = levels[r0 * columns + c] ?? 255;
      line[c] = top + ((levels[r1 * columns + c] ?? 255) - top) * fy;
    }
    for (let x = 0, i = y * width; x < width; x += 1, i += 1) {
      const c0 = left[x] ?? 0;
      const a = line[c0] ?? 255;
      const b = line[Math.min(columns - 1, c0 + 1)] ?? 255;
      result[i] = a + (b - a) * (share[x] ?? 0);
    }
  }
  return result;
}

function cellMedian(image: GreyImage, left: number, top: number, size: number): number {
  const histogram = new Uint32Array(256);
  let count = 0;
  for (let y = top; y < Math.min(image.height, top + size); y += 1)
    for (let x = left; x < Math.min(image.width, left + size); x += 1) {
      const grey = image.pixels[y * image.width + x] ?? 255;
      histogram[grey] = (histogram[grey] ?? 0) + 1;
      count += 1;
    }
  return histogramMedian(histogram, count);
}

function brightestAround(values: Float32Array, columns: number, rows: number): Float32Array {
  const result = new Float32Array(values.length);
  for (let row = 0; row < rows; row += 1)
    for (let column = 0; column < columns; column += 1) {
      let best = 0;
      for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r += 1)
        for (let c = Math.max(0, column - 1); c <= Math.min(columns - 1, column + 1); c += 1)
          best = Math.max(best, values[r * columns + c] ?? 0);
      result[row * columns + column] = best;
    }
  return result;
}
