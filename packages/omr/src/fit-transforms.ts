import type { Homography, Point } from './homography.js';

/**
 * The affine map (as a homography without perspective) that takes three sheet points exactly onto three image points:
 * what three corner discs determine. A flatbed scan is affine (turn, scale, shift), so three discs register it
 * fully; undefined when the three points are in a line.
 *
 * @example
 * const h = fitAffine([{ x: 24, y: 24 }, { x: 571, y: 24 }, { x: 24, y: 818 }], [a, b, c]);
 */
export function fitAffine(from: readonly Point[], to: readonly Point[]): Homography | undefined {
  const [p0, p1, p2] = from;
  const [q0, q1, q2] = to;
  if (!p0 || !p1 || !p2 || !q0 || !q1 || !q2) return undefined;
  const ux = p1.x - p0.x;
  const uy = p1.y - p0.y;
  const vx = p2.x - p0.x;
  const vy = p2.y - p0.y;
  const det = ux * vy - uy * vx;
  if (Math.abs(det) < 1e-9) return undefined;
  // The linear part maps the sheet's edge vectors (u, v) onto the image's; each of its rows solves r·u = u', r·v = v'.
  const solveRow = (du: number, dv: number) => [(du * vy - dv * uy) / det, (dv * ux - du * vx) / det] as const;
  const [a, b] = solveRow(q1.x - q0.x, q2.x - q0.x);
  const [d, e] = solveRow(q1.y - q0.y, q2.y - q0.y);
  return [a, b, q0.x - a * p0.x - b * p0.y, d, e, q0.y - d * p0.x - e * p0.y, 0, 0];
}

/**
 * The turn, even scale and shift (as a homography without perspective) that best take sheet points onto image points
 * in the least-squares sense: exact for two points (what two corner discs fix), a best fit for more. Undefined when
 * the sheet points coincide.
 *
 * @example
 * const h = fitSimilarity([cornerA, cornerB], [discA, discB]);
 */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Homography | undefined {
  const n = Math.min(from.length, to.length);
  if (n < 2) return undefined;
  const mean = (points: readonly Point[], axis: 'x' | 'y') =>
    points.slice(0, n).reduce((sum, point) => sum + point[axis], 0) / n;
  const [sx, sy, ix, iy] = [mean(from, 'x'), mean(from, 'y'), mean(to, 'x'), mean(to, 'y')];
  // Complex numbers: image − ī = z·(sheet − s̄), z = Σ conj(a)·b / Σ |a|².
  let [dot, cross, norm] = [0, 0, 0];
  for (let i = 0; i < n; i += 1) {
    const [ax, ay] = [(from[i]?.x ?? 0) - sx, (from[i]?.y ?? 0) - sy];
    const [bx, by] = [(to[i]?.x ?? 0) - ix, (to[i]?.y ?? 0) - iy];
    dot += ax * bx + ay * by;
    cross += ax * by - ay * bx;
    norm += ax * ax + ay * ay;
  }
  if (norm < 1e-12) return undefined;
  const [zr, zi] = [dot / norm, cross / norm];
  return [zr, -zi, ix - zr * sx + zi * sy, zi, zr, iy - zi * sx - zr * sy, 0, 0];
}

/** A point pair with a weight: where a printed feature is on the sheet, where it was found in the image. */
export interface Correspondence {
  readonly sheet: Point;
  readonly image: Point;
  readonly weight: number;
}

/**
 * The homography that best fits many point pairs in the least-squares sense (the direct linear transform with
 * h₃₃ = 1, both point sets first normalised to unit spread so the normal equations stay well conditioned).
 * Undefined when the pairs do not determine one (fewer than four, or degenerate).
 *
 * @example
 * const h = fitHomographyLeastSquares(rings.map((ring) => ({ sheet: ring.centre, image: ring.found, weight: 1 })));
 */
export function fitHomographyLeastSquares(pairs: readonly Correspondence[]): Homography | undefined {
  if (pairs.length < 4) return undefined;
  const from = normaliser(pairs.map((pair) => pair.sheet));
  const to = normaliser(pairs.map((pair) => pair.image));
  const normal = new Float64Array(8 * 9);
  for (const pair of pairs) {
    const p = from.apply(pair.sheet);
    const q = to.apply(pair.image);
    addRow(normal, [p.x, p.y, 1, 0, 0, 0, -q.x * p.x, -q.x * p.y], q.x, pair.weight);
    addRow(normal, [0, 0, 0, p.x, p.y, 1, -q.y * p.x, -q.y * p.y], q.y, pair.weight);
  }
  const h = solve(normal);
  return h && denormalise(h, from, to);
}

/** Adds w·rowᵀrow and w·rowᵀ·rhs to the normal equations [AᵀA | Aᵀb] (8 × 9, row-major). */
function addRow(normal: Float64Array, row: readonly number[], rhs: number, weight: number): void {
  for (let i = 0; i < 8; i += 1) {
    const ri = (row[i] ?? 0) * weight;
    if (ri === 0) continue;
    for (let j = 0; j < 8; j += 1) normal[i * 9 + j] = (normal[i * 9 + j] ?? 0) + ri * (row[j] ?? 0);
    normal[i * 9 + 8] = (normal[i * 9 + 8] ?? 0) + ri * rhs;
  }
}

/** Gauss–Jordan elimination with partial pivoting of an 8 × 9 augmented system. */
function solve(m: Float64Array): number[] | undefined {
  const at = (row: number, column: number) => row * 9 + column;
  for (let column = 0; column < 8; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < 8; row += 1)
      if (Math.abs(m[at(row, column)] ?? 0) > Math.abs(m[at(pivot, column)] ?? 0)) pivot = row;
    if (pivot !== column) {
      const saved = m.slice(at(column, 0), at(column, 0) + 9);
      m.copyWithin(at(column, 0), at(pivot, 0), at(pivot, 0) + 9);
      m.set(saved, at(pivot, 0));
    }
    const lead = m[at(column, column)] ?? 0;
    if (Math.abs(lead) < 1e-12) return undefined;
    for (let row = 0; row < 8; row += 1) {
      if (row === column) continue;
      const factor = (m[at(row, column)] ?? 0) / lead;
      for (let k = column; k < 9; k += 1) m[at(row, k)] = (m[at(row, k)] ?? 0) - factor * (m[at(column, k)] ?? 0);
    }
  }
  return Array.from({ length: 8 }, (_, i) => (m[at(i, 8)] ?? 0) / (m[at(i, i)] ?? 1));
}

interface Normaliser {
  readonly cx: number;
  readonly cy: number;
  readonly s: number;
  readonly apply: (point: Point) => Point;
}

/** Moves points' centroid to the origin and scales their mean distance from it to √2 (Hartley's normalisation). */
function normaliser(points: readonly Point[]): Normaliser {
  const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const spread = points.reduce((sum, p) => sum + Math.hypot(p.x - cx, p.y - cy), 0) / points.length;
  const s = spread > 0 ? Math.SQRT2 / spread : 1;
  return { cx, cy, s, apply: (p) => ({ x: (p.x - cx) * s, y: (p.y - cy) * s }) };
}

/** H = T_to⁻¹ · Ĥ · T_from, rescaled so that h₃₃ = 1. */
function denormalise(h: readonly number[], from: Normaliser, to: Normaliser): Homography | undefined {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, k = 0] = h;
  // Ĥ · T_from, with T_from = [[s, 0, -s·cx], [0, s, -s·cy], [0, 0, 1]].
  const s = from.s;
  const m = [
    [a * s, b * s, c - a * s * from.cx - b * s * from.cy],
    [d * s, e * s, f - d * s * from.cx - e * s * from.cy],
    [g * s, k * s, 1 - g * s * from.cx - k * s * from.cy],
  ];
  // T_to⁻¹ = [[1/s', 0, cx'], [0, 1/s', cy'], [0, 0, 1]].
  const [r0 = [], r1 = [], r2 = []] = m;
  const rows = [
    r0.map((value, j) => value / to.s + to.cx * (r2[j] ?? 0)),
    r1.map((value, j) => value / to.s + to.cy * (r2[j] ?? 0)),
    r2,
  ];
  const scale = rows[2]?.[2] ?? 0;
  if (Math.abs(scale) < 1e-12) return undefined;
  return rows
    .flat()
    .slice(0, 8)
    .map((value) => value / scale);
}
