/** A projective map from sheet coordinates (points) to image pixels, fitted to the four corner marks. */
export type Homography = readonly number[];

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Solves the 8 unknowns of a homography from four point pairs (direct linear transform, Gauss–Jordan elimination
 * with partial pivoting). Four corners capture rotation, scale, shift, shear and the perspective of a tilted page.
 */
export function fitHomography(from: readonly Point[], to: readonly Point[]): Homography {
  const width = 9;
  const m = new Float64Array(8 * width);
  const at = (row: number, column: number) => row * width + column;
  from.slice(0, 4).forEach(({ x, y }, i) => {
    const { x: u, y: v } = to[i] ?? { x: 0, y: 0 };
    m.set([x, y, 1, 0, 0, 0, -u * x, -u * y, u], at(2 * i, 0));
    m.set([0, 0, 0, x, y, 1, -v * x, -v * y, v], at(2 * i + 1, 0));
  });
  for (let column = 0; column < 8; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < 8; row += 1)
      if (Math.abs(m[at(row, column)] ?? 0) > Math.abs(m[at(pivot, column)] ?? 0)) pivot = row;
    if (pivot !== column) {
      const saved = m.slice(at(column, 0), at(column, 0) + width);
      m.copyWithin(at(column, 0), at(pivot, 0), at(pivot, 0) + width);
      m.set(saved, at(pivot, 0));
    }
    const lead = m[at(column, column)] ?? 0;
    if (Math.abs(lead) < 1e-12) throw new Error('the corner marks are degenerate (three of them in a line)');
    for (let row = 0; row < 8; row += 1) {
      if (row === column) continue;
      const factor = (m[at(row, column)] ?? 0) / lead;
      for (let k = column; k < width; k += 1) m[at(row, k)] = (m[at(row, k)] ?? 0) - factor * (m[at(column, k)] ?? 0);
    }
  }
  return Array.from({ length: 8 }, (_, i) => (m[at(i, 8)] ?? 0) / (m[at(i, i)] ?? 1));
}

export function project(h: Homography, point: Point): Point {
  const [a = 1, b = 0, c = 0, d = 0, e = 1, f = 0, g = 0, k = 0] = h;
  const w = g * point.x + k * point.y + 1;
  return { x: (a * point.x + b * point.y + c) / w, y: (d * point.x + e * point.y + f) / w };
}
