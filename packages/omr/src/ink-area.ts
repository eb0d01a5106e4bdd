import { SIDE, STEPS_PER_RADIUS } from './bubble-lattice.js';
import { ALL, indicesOf } from './lattice-points.js';

/** How the ink lies: as an area (a blob, a scribble merged into one) or as strokes (a tick's V, a cross). */
export interface InkArea {
  /**
   * The share of the lattice points inside the ink's convex hull that are inked (out to 0.85 r, at a quarter of the
   * typical darkness, so that pencil grain does not break it): a blob fills its hull, a tick's V or a cross leaves
   * most of it bare.
   */
  readonly hullFill: number;
  /**
   * The ink's narrowest width across (of 12 directions) over its longest: a stroke is as wide as the tool and much
   * longer, a blob about as wide as it is long.
   */
  readonly breadth: number;
}

/** How far out the ink is looked at (radii), as for the bare region: past it the ring's blur was taken out. */
const REACH_RHO = 0.85;
const OUTER_RHO = 0.75;
/** The points in the lattice's own order: row by row, so sorted by row, then column, as the hull wants them. */
const POINTS = ALL.filter((point) => point.rho <= REACH_RHO);
const INDEX = indicesOf(POINTS);
/** Each point in whole lattice steps: row first (the hull's first coordinate), then column. */
const ROW = Int32Array.from(POINTS, (point) => Math.round(point.v * STEPS_PER_RADIUS));
const COLUMN = Int32Array.from(POINTS, (point) => Math.round(point.u * STEPS_PER_RADIUS));
const OUTER = Uint8Array.from(POINTS, (point) => (point.rho > OUTER_RHO ? 1 : 0));
const NEIGHBOURS = [1, -1, SIDE, -SIDE, SIDE + 1, SIDE - 1, -SIDE + 1, -SIDE - 1];
const DIRECTIONS = 12;
const COS = Float64Array.from({ length: DIRECTIONS }, (_, k) => Math.cos((k * Math.PI) / DIRECTIONS));
const SIN = Float64Array.from({ length: DIRECTIONS }, (_, k) => Math.sin((k * Math.PI) / DIRECTIONS));

const inkMask = new Uint8Array(SIDE * SIDE);
const inkRow = new Int32Array(POINTS.length);
const inkColumn = new Int32Array(POINTS.length);
const chain = new Int32Array(2 * POINTS.length + 1);

/**
 * Measures how the ink lies, from the mark's darkness (the ring taken out) and the darkness below which a point is
 * paper (`bare`; `bareOuter` beyond 0.75 r). A speck with fewer than two inked neighbours is grain or noise, not part
 * of the shape.
 *
 * @example
 * measureInkArea(mark, 0.1, 0.05); // { hullFill: 1, breadth: 0.8 } for a round blob off the centre
 */
export function measureInkArea(mark: Float32Array, bare: number, bareOuter: number): InkArea {
  inkMask.fill(0);
  for (let k = 0; k < INDEX.length; k += 1) {
    const index = INDEX[k] ?? 0;
    inkMask[index] = (mark[index] ?? 0) >= (OUTER[k] ? bareOuter : bare) ? 1 : 0;
  }
  let count = 0;
  for (let k = 0; k < INDEX.length; k += 1) {
    const index = INDEX[k] ?? 0;
    if (!inkMask[index]) continue;
    let around = 0;
    for (const step of NEIGHBOURS) around += inkMask[index + step] ?? 0;
    if (around < 2) continue;
    inkRow[count] = ROW[k] ?? 0;
    inkColumn[count] = COLUMN[k] ?? 0;
    count += 1;
  }
  if (count < 3) return { hullFill: 0, breadth: 0 };
  const inside = pointsInside(convexHull(count));
  return { hullFill: count / Math.max(inside, count), breadth: breadthOf(count) };
}

/** Narrowest span of the ink's points over the widest, each a lattice step wide. */
function breadthOf(count: number): number {
  let narrowest = Infinity;
  let widest = 0;
  for (let d = 0; d < DIRECTIONS; d += 1) {
    const [cos, sin] = [COS[d] ?? 1, SIN[d] ?? 0];
    let low = Infinity;
    let high = -Infinity;
    for (let k = 0; k < count; k += 1) {
      const along = (inkRow[k] ?? 0) * cos + (inkColumn[k] ?? 0) * sin;
      if (along < low) low = along;
      if (along > high) high = along;
    }
    narrowest = Math.min(narrowest, high - low + 1);
    widest = Math.max(widest, high - low + 1);
  }
  return narrowest / widest;
}

/** Twice the signed area of the triangle o, a, b (ink points by number): positive when it turns left. */
const turn = (o: number, a: number, b: number) =>
  ((inkRow[a] ?? 0) - (inkRow[o] ?? 0)) * ((inkColumn[b] ?? 0) - (inkColumn[o] ?? 0)) -
  ((inkColumn[a] ?? 0) - (inkColumn[o] ?? 0)) * ((inkRow[b] ?? 0) - (inkRow[o] ?? 0));

/**
 * The convex hull of the first `count` ink points, as a ring of their numbers (Andrew's monotone chain; the points
 * are already sorted by row, then column).
 */
function convexHull(count: number): Int32Array {
  let size = 0;
  const push = (point: number, floor: number) => {
    while (size >= floor && turn(chain[size - 2] ?? 0, chain[size - 1] ?? 0, point) <= 0) size -= 1;
    chain[size++] = point;
  };
  for (let k = 0; k < count; k += 1) push(k, 2);
  const lower = size + 1;
  for (let k = count - 2; k >= 0; k -= 1) push(k, lower);
  return chain.subarray(0, Math.max(1, size - 1));
}

/** The lattice points inside the hull or on its edge, row by row: each row meets a convex polygon in one run. */
function pointsInside(hull: Int32Array): number {
  let top = Infinity;
  let bottom = -Infinity;
  for (const point of hull) {
    top = Math.min(top, inkRow[point] ?? 0);
    bottom = Math.max(bottom, inkRow[point] ?? 0);
  }
  let inside = 0;
  for (let row = top; row <= bottom; row += 1) {
    let left = Infinity;
    let right = -Infinity;
    for (let k = 0; k < hull.length; k += 1) {
      const a = hull[k] ?? 0;
      const b = hull[(k + 1) % hull.length] ?? 0;
      const rowA = inkRow[a] ?? 0;
      const rowB = inkRow[b] ?? 0;
      if (row < Math.min(rowA, rowB) || row > Math.max(rowA, rowB)) continue;
      const columnA = inkColumn[a] ?? 0;
      const columnB = inkColumn[b] ?? 0;
      // An edge along the row puts both its ends on it; any other meets it at one point.
      const from =
        rowA === rowB ? Math.min(columnA, columnB) : columnA + ((row - rowA) * (columnB - columnA)) / (rowB - rowA);
      const to = rowA === rowB ? Math.max(columnA, columnB) : from;
      left = Math.min(left, from);
      right = Math.max(right, to);
    }
    if (right >= left) inside += Math.floor(right + 1e-9) - Math.ceil(left - 1e-9) + 1;
  }
  return inside;
}
