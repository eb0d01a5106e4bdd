import type { GreyImage } from './grey-image.js';

/** Lattice points per radius: the bubble is sampled every tenth of its radius, whatever the scan's resolution. */
export const STEPS_PER_RADIUS = 10;
/** The lattice reaches this many steps from the centre each way (1.2 r: the printed ring and a little paper). */
export const REACH = 12;
const SIDE = 2 * REACH + 1;

/**
 * The darkness (0 paper … 1 black) around one bubble on a lattice of tenths of its radius, each point the mean of a
 * box a fifth of the radius wide, measured against the paper just outside the bubble. Working in tenths of the
 * radius makes every threshold independent of the resolution; the box averages out scanner noise, JPEG blocks,
 * pencil grain and the dither of a black-and-white scan; the paper level taken beside the bubble cancels uneven
 * lighting.
 */
export interface BubbleLattice {
  /** Row-major, SIDE × SIDE, index with `at`. */
  readonly darkness: Float32Array;
  /** The grey level of the paper around the bubble. */
  readonly paper: number;
}

export const latticeIndex = (i: number, j: number): number => (j + REACH) * SIDE + (i + REACH);

export function sampleLattice(image: GreyImage, x: number, y: number, r: number): BubbleLattice {
  const paper = Math.max(32, paperLevel(image, x, y, r));
  const step = r / STEPS_PER_RADIUS;
  const half = Math.max(0.75, step);
  const darkness = new Float32Array(SIDE * SIDE);
  for (let j = -REACH; j <= REACH; j += 1) {
    for (let i = -REACH; i <= REACH; i += 1) {
      const mean = boxMean(image, x + i * step, y + j * step, half);
      darkness[latticeIndex(i, j)] = Math.max(0, Math.min(1, 1 - mean / paper));
    }
  }
  return { darkness, paper };
}

/** Darkness at a point given in radii from the centre, bilinear between lattice points; 0 beyond the lattice. */
export function darknessAt(lattice: BubbleLattice, u: number, v: number): number {
  const gi = u * STEPS_PER_RADIUS;
  const gj = v * STEPS_PER_RADIUS;
  const i0 = Math.floor(gi);
  const j0 = Math.floor(gj);
  if (i0 < -REACH || j0 < -REACH || i0 >= REACH || j0 >= REACH) return 0;
  const fi = gi - i0;
  const fj = gj - j0;
  const d = lattice.darkness;
  const top = (d[latticeIndex(i0, j0)] ?? 0) * (1 - fi) + (d[latticeIndex(i0 + 1, j0)] ?? 0) * fi;
  const bottom = (d[latticeIndex(i0, j0 + 1)] ?? 0) * (1 - fi) + (d[latticeIndex(i0 + 1, j0 + 1)] ?? 0) * fi;
  return top * (1 - fj) + bottom * fj;
}

function boxMean(image: GreyImage, cx: number, cy: number, half: number): number {
  const x0 = Math.max(0, Math.round(cx - half));
  const x1 = Math.min(image.width - 1, Math.round(cx + half) - 1);
  const y0 = Math.max(0, Math.round(cy - half));
  const y1 = Math.min(image.height - 1, Math.round(cy + half) - 1);
  if (x1 < x0 || y1 < y0) return 255;
  let sum = 0;
  for (let py = y0; py <= y1; py += 1) {
    const row = py * image.width;
    for (let px = x0; px <= x1; px += 1) sum += image.pixels[row + px] ?? 255;
  }
  return sum / ((x1 - x0 + 1) * (y1 - y0 + 1));
}

/** The upper quartile of 64 samples on two circles just outside the printed ring: the paper, even under a stroke. */
function paperLevel(image: GreyImage, x: number, y: number, r: number): number {
  const samples: number[] = [];
  for (const distance of [1.4 * r, 1.6 * r]) {
    for (let k = 0; k < 32; k += 1) {
      const angle = (k / 32) * 2 * Math.PI;
      samples.push(boxMean(image, x + Math.cos(angle) * distance, y + Math.sin(angle) * distance, 1));
    }
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length * 0.75)] ?? 255;
}
