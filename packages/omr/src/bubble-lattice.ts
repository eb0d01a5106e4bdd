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

/** Box sums over a patch of the image around one bubble, so that every box mean costs four reads. */
class PatchSums {
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
  private readonly sums: Float64Array;

  constructor(image: GreyImage, cx: number, cy: number, reach: number) {
    this.x0 = Math.max(0, Math.floor(cx - reach));
    this.y0 = Math.max(0, Math.floor(cy - reach));
    const x1 = Math.min(image.width, Math.ceil(cx + reach) + 1);
    const y1 = Math.min(image.height, Math.ceil(cy + reach) + 1);
    this.width = Math.max(0, x1 - this.x0);
    this.height = Math.max(0, y1 - this.y0);
    const stride = this.width + 1;
    const sums = new Float64Array(stride * (this.height + 1));
    for (let y = 0; y < this.height; y += 1) {
      let row = 0;
      const source = (this.y0 + y) * image.width + this.x0;
      for (let x = 0; x < this.width; x += 1) {
        row += image.pixels[source + x] ?? 255;
        sums[(y + 1) * stride + x + 1] = (sums[y * stride + x + 1] ?? 0) + row;
      }
    }
    this.sums = sums;
  }

  /**
   * Mean grey over the square of half-width `half` around (cx, cy), pixels weighted by the area they share with it
   * (pixel (x, y) covers x ± 0.5, y ± 0.5), so that the mean moves smoothly with the centre.
   */
  mean(cx: number, cy: number, half: number): number {
    const left = Math.max(0, cx - half + 0.5 - this.x0);
    const right = Math.min(this.width, cx + half + 0.5 - this.x0);
    const top = Math.max(0, cy - half + 0.5 - this.y0);
    const bottom = Math.min(this.height, cy + half + 0.5 - this.y0);
    if (right <= left || bottom <= top) return 255;
    const total = this.sum(right, bottom) - this.sum(left, bottom) - this.sum(right, top) + this.sum(left, top);
    return total / ((right - left) * (bottom - top));
  }

  /** The sum over [0, x) × [0, y) of the patch, bilinear between whole pixels (exact for a piecewise-constant image). */
  private sum(x: number, y: number): number {
    const stride = this.width + 1;
    const x0 = Math.min(this.width - 1, Math.floor(x));
    const y0 = Math.min(this.height - 1, Math.floor(y));
    const fx = x - x0;
    const fy = y - y0;
    const s = this.sums;
    const i = y0 * stride + x0;
    const upper = (s[i] ?? 0) * (1 - fx) + (s[i + 1] ?? 0) * fx;
    const lower = (s[i + stride] ?? 0) * (1 - fx) + (s[i + stride + 1] ?? 0) * fx;
    return upper * (1 - fy) + lower * fy;
  }
}

/**
 * Samples the lattice around the bubble at (x, y), radius r (pixels).
 */
export function sampleLattice(image: GreyImage, x: number, y: number, r: number): BubbleLattice {
  const step = r / STEPS_PER_RADIUS;
  const half = Math.max(0.75, step);
  const patch = new PatchSums(image, x, y, 1.9 * r + half + 2);
  const paper = Math.max(32, paperLevel(patch, x, y, r));
  const darkness = new Float32Array(SIDE * SIDE);
  for (let j = -REACH; j <= REACH; j += 1) {
    for (let i = -REACH; i <= REACH; i += 1) {
      const mean = patch.mean(x + i * step, y + j * step, half);
      darkness[latticeIndex(i, j)] = Math.max(0, Math.min(1, 1 - mean / paper));
    }
  }
  return { darkness, paper };
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
function paperLevel(patch: PatchSums, x: number, y: number, r: number): number {
  const samples: number[] = [];
  for (const distance of [1.4 * r, 1.6 * r]) {
    for (let k = 0; k < 32; k += 1) {
      const angle = (k / 32) * 2 * Math.PI;
      samples.push(patch.mean(x + Math.cos(angle) * distance, y + Math.sin(angle) * distance, 1));
    }
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length * 0.75)] ?? 255;
}
