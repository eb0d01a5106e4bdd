import { type Tensor, fromOp } from '../tensor.js';

/**
 * An elementwise operation `y = f(x)` whose derivative is given as a function of `x` and `y`.
 */
export function unaryOp(
  name: string,
  x: Tensor,
  f: (v: number) => number,
  derivative: (v: number, y: number) => number,
): Tensor {
  const xs = x.data;
  const ys = xs.map(f);
  return fromOp(name, ys, x.shape, [x], (g) => [g.map((gi, i) => gi * derivative(xs[i] ?? 0, ys[i] ?? 0))]);
}
