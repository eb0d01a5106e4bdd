import { latticeIndex, REACH, STEPS_PER_RADIUS } from './bubble-lattice.js';

/** A point of the bubble lattice with its polar position, computed once for every bubble. */
export interface LatticePoint {
  readonly index: number;
  /** Position in radii from the centre. */
  readonly u: number;
  readonly v: number;
  /** Distance from the centre, in radii. */
  readonly rho: number;
  /** Which of 12 sectors (30° each) the point lies in. */
  readonly sector: number;
}

function pointsWithin(limit: number, from = 0): LatticePoint[] {
  const points: LatticePoint[] = [];
  for (let j = -REACH; j <= REACH; j += 1) {
    for (let i = -REACH; i <= REACH; i += 1) {
      const [u, v] = [i / STEPS_PER_RADIUS, j / STEPS_PER_RADIUS];
      const rho = Math.hypot(u, v);
      if (rho > limit + 1e-9 || rho < from - 1e-9) continue;
      const sector = Math.floor(((Math.atan2(v, u) + Math.PI) / (2 * Math.PI)) * 12) % 12;
      points.push({ index: latticeIndex(i, j), u, v, rho, sector });
    }
  }
  return points;
}

/** The disc where marks are measured: inside the printed ring and the blur of its inner edge. */
export const DISC_RADIUS = 0.75;
export const DISC = pointsWithin(DISC_RADIUS);
/** Every point of the lattice within its inscribed circle. */
export const ALL = pointsWithin(REACH / STEPS_PER_RADIUS);

/**
 * Points between the lattice's, each read bilinearly from its four neighbours: the weights and indices are computed
 * once, so reading a circle of samples from a bubble is a few multiply-adds per sample.
 */
export interface Probes {
  readonly count: number;
  readonly index: Int32Array;
  readonly weight: Float32Array;
}

/** Probes at positions given in radii from the centre (within the lattice). */
export function probesAt(points: readonly (readonly [number, number])[]): Probes {
  const index = new Int32Array(points.length * 4);
  const weight = new Float32Array(points.length * 4);
  points.forEach(([u, v], k) => {
    const [gi, gj] = [u * STEPS_PER_RADIUS, v * STEPS_PER_RADIUS];
    const [i0, j0] = [Math.floor(gi), Math.floor(gj)];
    const [fi, fj] = [gi - i0, gj - j0];
    index.set(
      [latticeIndex(i0, j0), latticeIndex(i0 + 1, j0), latticeIndex(i0, j0 + 1), latticeIndex(i0 + 1, j0 + 1)],
      4 * k,
    );
    weight.set([(1 - fi) * (1 - fj), fi * (1 - fj), (1 - fi) * fj, fi * fj], 4 * k);
  });
  return { count: points.length, index, weight };
}

/** `count` probes evenly round the circle of the given radius (radii), starting at angle 0. */
export const circleProbes = (radius: number, count: number): Probes =>
  probesAt(
    Array.from({ length: count }, (_, k) => {
      const angle = (k / count) * 2 * Math.PI;
      return [Math.cos(angle) * radius, Math.sin(angle) * radius] as const;
    }),
  );

/** Reads every probe from a lattice's values into `out`. */
export function readProbes(values: Float32Array, probes: Probes, out: Float64Array): Float64Array {
  const { index, weight } = probes;
  for (let k = 0; k < probes.count; k += 1) {
    const at = 4 * k;
    out[k] =
      (values[index[at] ?? 0] ?? 0) * (weight[at] ?? 0) +
      (values[index[at + 1] ?? 0] ?? 0) * (weight[at + 1] ?? 0) +
      (values[index[at + 2] ?? 0] ?? 0) * (weight[at + 2] ?? 0) +
      (values[index[at + 3] ?? 0] ?? 0) * (weight[at + 3] ?? 0);
  }
  return out;
}

/** Lattice indices of a set of points, for tight loops. */
export const indicesOf = (points: readonly LatticePoint[]): Int32Array =>
  Int32Array.from(points, (point) => point.index);
