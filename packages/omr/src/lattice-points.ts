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
