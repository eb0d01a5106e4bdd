import { argumentError } from '../errors.js';
import { Tensor } from '../tensor.js';

type Values = Tensor | readonly number[];

function values(x: Values): number[] {
  return x instanceof Tensor ? [...x.data] : [...x];
}

function weightsOf(op: string, name: string, w: Values | undefined, n: number): number[] {
  const ws = w === undefined ? new Array<number>(n).fill(1) : values(w);
  if (ws.length !== n) throw argumentError(op, `${name} has ${ws.length} entries for ${n} values`);
  if (ws.some((v) => !(v >= 0)) || ws.reduce((a, b) => a + b, 0) <= 0) {
    throw argumentError(op, `${name} must be non-negative with a positive sum`);
  }
  return ws;
}

/** The cumulative distribution of (values, weights) evaluated at each of `points`, right-continuous. */
function cdfAt(xs: number[], ws: number[], points: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => (xs[a] ?? 0) - (xs[b] ?? 0));
  const total = ws.reduce((a, b) => a + b, 0);
  let k = 0;
  let acc = 0;
  return points.map((p) => {
    while (k < order.length && (xs[order[k] ?? 0] ?? 0) <= p) acc += ws[order[k++] ?? 0] ?? 0;
    return acc / total;
  });
}

/**
 * The first Wasserstein (earth mover's) distance between two 1-D discrete distributions given by sample values and
 * optional non-negative weights (normalised here), as scipy.stats.wasserstein_distance: ∫|U(x) − V(x)| dx over the
 * two cumulative distributions. Not differentiable (returns a number).
 *
 * @example
 * ```ts
 * wasserstein1d([0, 1, 3], [5, 6, 8]); // 5
 * wasserstein1d([0, 1], [0, 1], [3, 1], [2, 2]); // 0.25
 * ```
 */
export function wasserstein1d(uValues: Values, vValues: Values, uWeights?: Values, vWeights?: Values): number {
  const op = 'wasserstein1d';
  const u = values(uValues);
  const v = values(vValues);
  if (u.length === 0 || v.length === 0) throw argumentError(op, 'both distributions need at least one value');
  const uw = weightsOf(op, 'uWeights', uWeights, u.length);
  const vw = weightsOf(op, 'vWeights', vWeights, v.length);
  const all = [...u, ...v].sort((a, b) => a - b);
  const points = all.slice(0, -1);
  const uc = cdfAt(u, uw, points);
  const vc = cdfAt(v, vw, points);
  return points.reduce((s, x, i) => s + Math.abs((uc[i] ?? 0) - (vc[i] ?? 0)) * ((all[i + 1] ?? x) - x), 0);
}
