/**
 * 3×3 projective maps (row-major) for placing the page in a capture: every capture here is a plane seen by a scanner
 * or a camera, so one homography from page points to image pixels describes where everything went. Written here
 * rather than taken from the reader, so that the simulator shares no code with what it measures.
 */
export type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const identity: Matrix3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const out: number[] = [];
  for (let row = 0; row < 3; row += 1)
    for (let column = 0; column < 3; column += 1) {
      let sum = 0;
      for (let k = 0; k < 3; k += 1) sum += (a[row * 3 + k] ?? 0) * (b[k * 3 + column] ?? 0);
      out.push(sum);
    }
  return out as unknown as Matrix3;
}

/** The maps applied right to left: compose(a, b, c) maps p to a(b(c(p))). */
export function compose(...maps: readonly Matrix3[]): Matrix3 {
  return maps.reduce((product, map) => multiply(product, map), identity);
}

export function translate(x: number, y: number): Matrix3 {
  return [1, 0, x, 0, 1, y, 0, 0, 1];
}

export function scale(sx: number, sy: number = sx): Matrix3 {
  return [sx, 0, 0, 0, sy, 0, 0, 0, 1];
}

export function rotate(radians: number): Matrix3 {
  const c = Math.cos(radians);
  const s = Math.sin(radians);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

export function apply(map: Matrix3, x: number, y: number): Point {
  const [a, b, c, d, e, f, g, h, i] = map;
  const w = g * x + h * y + i;
  return { x: (a * x + b * y + c) / w, y: (d * x + e * y + f) / w };
}

export function invert(map: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = map;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const determinant = a * A + b * B + c * C;
  if (Math.abs(determinant) < 1e-12) throw new Error('singular map');
  const inverse = [
    A,
    -(b * i - c * h),
    b * f - c * e,
    B,
    a * i - c * g,
    -(a * f - c * d),
    C,
    -(a * h - b * g),
    a * e - b * d,
  ];
  return inverse.map((value) => value / determinant) as unknown as Matrix3;
}

/** The homography taking four points to four others (direct linear solve of the 8 unknowns). */
export function fromCorrespondences(from: readonly Point[], to: readonly Point[]): Matrix3 {
  const rows: number[][] = [];
  for (let k = 0; k < 4; k += 1) {
    const p = from[k];
    const q = to[k];
    if (!p || !q) throw new Error('four point pairs needed');
    rows.push([p.x, p.y, 1, 0, 0, 0, -q.x * p.x, -q.x * p.y, q.x]);
    rows.push([0, 0, 0, p.x, p.y, 1, -q.y * p.x, -q.y * p.y, q.y]);
  }
  for (let column = 0; column < 8; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < 8; row += 1)
      if (Math.abs(rows[row]?.[column] ?? 0) > Math.abs(rows[pivot]?.[column] ?? 0)) pivot = row;
    const swap = rows[pivot] ?? [];
    rows[pivot] = rows[column] ?? [];
    rows[column] = swap;
    const lead = swap[column] ?? 1;
    for (let row = 0; row < 8; row += 1) {
      if (row === column) continue;
      const current = rows[row] ?? [];
      const factor = (current[column] ?? 0) / lead;
      for (let k = column; k < 9; k += 1) current[k] = (current[k] ?? 0) - factor * (swap[k] ?? 0);
    }
  }
  const solution = rows.map((row, index) => (row[8] ?? 0) / (row[index] ?? 1));
  return [...solution, 1] as unknown as Matrix3;
}
