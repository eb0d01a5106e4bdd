import type { GreyImage } from './grey-image.js';

/** Lattice points per radius: the bubble is sampled every tenth of its radius, whatever the scan's resolution. */
export const STEPS_PER_RADIUS = 10;
/** The lattice reaches this many steps from the centre each way (1.4 r: the printed ring and the paper beyond it). */
export const REACH = 14;
export const SIDE = 2 * REACH + 1;

/**
 * The darkness (0 paper … 1 black) around one bubble on a lattice of tenths of its radius, each point the mean of a
 * box a fifth of the radius wide, measured against the paper just outside the bubble. Working in tenths of the
 * radius makes every threshold independent of the resolution; the box averages out scanner noise, JPEG blocks,
 * pencil grain and the dither of a black-and-white scan; the paper level taken beside the bubble cancels uneven
 * lighting.
 */
export interface BubbleLattice {
  /** Row-major, SIDE × SIDE, index with `latticeIndex`. */
  readonly darkness: Float32Array;
  /** The grey level of the paper around the bubble. */
  readonly paper: number;
}

export const latticeIndex = (i: number, j: number): number => (j + REACH) * SIDE + (i + REACH);

/** The integral image of the patch around one bubble, reused from bubble to bubble (a page reads hundreds). */
let sums = new Float64Array(4096);

/** Where a box edge falls on the patch: the integral image's whole pixel at or before it and the fraction beyond. */
interface Edges {
  readonly at: Int32Array;
  readonly frac: Float64Array;
}

/**
 * The lattice's box edges along one axis (low and high edge of each of the SIDE boxes), clipped to the patch, in
 * patch coordinates. Pixel k covers k ± 0.5, so a box from a to b covers patch columns a + 0.5 to b + 0.5.
 */
function boxEdges(centre: number, step: number, half: number, origin: number, size: number): Edges {
  const at = new Int32Array(2 * SIDE);
  const frac = new Float64Array(2 * SIDE);
  for (let k = 0; k < SIDE; k += 1) {
    const middle = centre + (k - REACH) * step + 0.5 - origin;
    const low = Math.max(0, middle - half);
    const high = Math.min(size, middle + half);
    at[2 * k] = Math.min(size - 1, Math.floor(low));
    frac[2 * k] = low - (at[2 * k] ?? 0);
    at[2 * k + 1] = Math.min(size - 1, Math.floor(high));
    frac[2 * k + 1] = high - (at[2 * k + 1] ?? 0);
  }
  return { at, frac };
}

/** Fills `sums` with the integral image of the patch (stride width + 1); pixels off the image count as paper. */
function integrate(image: GreyImage, x0: number, y0: number, width: number, height: number): void {
  const stride = width + 1;
  const needed = stride * (height + 1);
  if (sums.length < needed) sums = new Float64Array(needed * 2);
  sums.fill(0, 0, stride);
  const { pixels } = image;
  for (let y = 0; y < height; y += 1) {
    let row = 0;
    const source = (y0 + y) * image.width + x0;
    const above = y * stride + 1;
    const here = above + stride;
    sums[here - 1] = 0;
    for (let x = 0; x < width; x += 1) {
      row += pixels[source + x] ?? 255;
      sums[here + x] = (sums[above + x] ?? 0) + row;
    }
  }
}

/** Lattice points that are sampled: within 1.45 r (what any measurement reads); the corners beyond stay 0. */
const ROW_REACH = Int32Array.from({ length: SIDE }, (_, j) =>
  Math.floor(Math.sqrt(Math.max(0, (REACH + 0.5) ** 2 - (j - REACH) ** 2))),
);

/**
 * Samples the lattice around the bubble at (x, y), radius r (pixels): each point the mean grey over a square a fifth
 * of the radius wide, pixels weighted by the area they share with it (so that the mean moves smoothly with the
 * centre), from an integral image of the patch read bilinearly.
 */
export function sampleLattice(image: GreyImage, x: number, y: number, r: number): BubbleLattice {
  const step = r / STEPS_PER_RADIUS;
  const half = Math.max(0.75, step);
  const reach = 1.9 * r + half + 2;
  const x0 = Math.max(0, Math.floor(x - reach));
  const y0 = Math.max(0, Math.floor(y - reach));
  const width = Math.max(0, Math.min(image.width, Math.ceil(x + reach) + 1) - x0);
  const height = Math.max(0, Math.min(image.height, Math.ceil(y + reach) + 1) - y0);
  const darkness = new Float32Array(SIDE * SIDE);
  if (width === 0 || height === 0) return { darkness, paper: 255 };
  integrate(image, x0, y0, width, height);
  const paper = Math.max(32, paperLevel(x - x0, y - y0, r, width, height));
  const xs = boxEdges(x, step, half, x0, width);
  const ys = boxEdges(y, step, half, y0, height);
  const stride = width + 1;
  for (let j = 0; j < SIDE; j += 1) {
    const top = (ys.at[2 * j] ?? 0) * stride;
    const bottom = (ys.at[2 * j + 1] ?? 0) * stride;
    const fTop = ys.frac[2 * j] ?? 0;
    const fBottom = ys.frac[2 * j + 1] ?? 0;
    const boxHeight = (bottom - top) / stride + fBottom - fTop;
    const rowReach = ROW_REACH[j] ?? 0;
    for (let i = REACH - rowReach; i <= REACH + rowReach; i += 1) {
      const left = xs.at[2 * i] ?? 0;
      const right = xs.at[2 * i + 1] ?? 0;
      const fLeft = xs.frac[2 * i] ?? 0;
      const fRight = xs.frac[2 * i + 1] ?? 0;
      const boxWidth = right + fRight - left - fLeft;
      let mean = 255;
      if (boxWidth > 0 && boxHeight > 0) {
        const total =
          integralAt(bottom, fBottom, right, fRight, stride) -
          integralAt(bottom, fBottom, left, fLeft, stride) -
          integralAt(top, fTop, right, fRight, stride) +
          integralAt(top, fTop, left, fLeft, stride);
        mean = total / (boxWidth * boxHeight);
      }
      const value = 1 - mean / paper;
      darkness[j * SIDE + i] = value < 0 ? 0 : value > 1 ? 1 : value;
    }
  }
  return { darkness, paper };
}

/** The integral image at (column + fx, row + fy), bilinear between whole pixels (exact for a piecewise-constant image). */
function integralAt(rowStart: number, fy: number, column: number, fx: number, stride: number): number {
  const i = rowStart + column;
  const upper = (sums[i] ?? 0) * (1 - fx) + (sums[i + 1] ?? 0) * fx;
  const lower = (sums[i + stride] ?? 0) * (1 - fx) + (sums[i + stride + 1] ?? 0) * fx;
  return upper * (1 - fy) + lower * fy;
}

/** Mean grey over the square of half-width `half` around patch point (cx, cy), as the lattice's points are taken. */
function boxMean(cx: number, cy: number, half: number, width: number, height: number): number {
  const left = Math.max(0, cx - half + 0.5);
  const right = Math.min(width, cx + half + 0.5);
  const top = Math.max(0, cy - half + 0.5);
  const bottom = Math.min(height, cy + half + 0.5);
  if (right <= left || bottom <= top) return 255;
  const total =
    integralAtPoint(right, bottom, width, height) -
    integralAtPoint(left, bottom, width, height) -
    integralAtPoint(right, top, width, height) +
    integralAtPoint(left, top, width, height);
  return total / ((right - left) * (bottom - top));
}

function integralAtPoint(x: number, y: number, width: number, height: number): number {
  const column = Math.min(width - 1, Math.floor(x));
  const row = Math.min(height - 1, Math.floor(y));
  return integralAt(row * (width + 1), y - row, column, x - column, width + 1);
}

/** Darkness (a lattice's values) at a point given in radii from the centre, bilinear between points; 0 beyond. */
export function darknessAt(d: Float32Array, u: number, v: number): number {
  const gi = u * STEPS_PER_RADIUS;
  const gj = v * STEPS_PER_RADIUS;
  const i0 = Math.floor(gi);
  const j0 = Math.floor(gj);
  if (i0 < -REACH || j0 < -REACH || i0 >= REACH || j0 >= REACH) return 0;
  const fi = gi - i0;
  const fj = gj - j0;
  const top = (d[latticeIndex(i0, j0)] ?? 0) * (1 - fi) + (d[latticeIndex(i0 + 1, j0)] ?? 0) * fi;
  const bottom = (d[latticeIndex(i0, j0 + 1)] ?? 0) * (1 - fi) + (d[latticeIndex(i0 + 1, j0 + 1)] ?? 0) * fi;
  return top * (1 - fj) + bottom * fj;
}

/** The upper quartile of 64 samples on two circles just outside the printed ring: the paper, even under a stroke. */
function paperLevel(cx: number, cy: number, r: number, width: number, height: number): number {
  const samples = PAPER_SAMPLES;
  for (let k = 0; k < 32; k += 1) {
    const [cos, sin] = [PAPER_COS[k] ?? 1, PAPER_SIN[k] ?? 0];
    samples[k] = boxMean(cx + cos * 1.4 * r, cy + sin * 1.4 * r, 1, width, height);
    samples[32 + k] = boxMean(cx + cos * 1.6 * r, cy + sin * 1.6 * r, 1, width, height);
  }
  samples.sort();
  return samples[48] ?? 255;
}

const PAPER_SAMPLES = new Float64Array(64);
const PAPER_COS = Float64Array.from({ length: 32 }, (_, k) => Math.cos((k / 32) * 2 * Math.PI));
const PAPER_SIN = Float64Array.from({ length: 32 }, (_, k) => Math.sin((k / 32) * 2 * Math.PI));
