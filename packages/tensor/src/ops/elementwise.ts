import { broadcastIndex, broadcastShapes, numel } from '../shape.js';
import { type Tensor, fromOp } from '../tensor.js';
import { type Operand, asTensor } from './operand.js';
import { unaryOp } from './unary.js';

type Partials = (a: number, b: number, y: number) => readonly [number, number];

function binaryOp(
  name: string,
  left: Operand,
  right: Operand,
  f: (a: number, b: number) => number,
  partials: Partials,
): Tensor {
  const a = asTensor(left);
  const b = asTensor(right);
  const shape = broadcastShapes(name, a.shape, b.shape);
  const ia = broadcastIndex(a.shape, shape);
  const ib = broadcastIndex(b.shape, shape);
  const n = numel(shape);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) y[k] = f(a.data[ia[k] ?? 0] ?? 0, b.data[ib[k] ?? 0] ?? 0);
  return fromOp(name, y, shape, [a, b], (g, needs) => {
    const ga = needs[0] === true ? new Float64Array(a.numel) : null;
    const gb = needs[1] === true ? new Float64Array(b.numel) : null;
    for (let k = 0; k < n; k++) {
      const i = ia[k] ?? 0;
      const j = ib[k] ?? 0;
      const [da, db] = partials(a.data[i] ?? 0, b.data[j] ?? 0, y[k] ?? 0);
      const gk = g[k] ?? 0;
      if (ga) ga[i] = (ga[i] ?? 0) + gk * da;
      if (gb) gb[j] = (gb[j] ?? 0) + gk * db;
    }
    return [ga, gb];
  });
}

/**
 * `a + b` with numpy broadcasting.
 *
 * @example
 * ```ts
 * add(tensor([[1], [2]]), tensor([10, 20, 30])).shape; // [2, 3]
 * ```
 */
export function add(a: Operand, b: Operand): Tensor {
  return binaryOp(
    'add',
    a,
    b,
    (x, y) => x + y,
    () => [1, 1],
  );
}

/**
 * `a − b` with broadcasting.
 *
 * @example
 * ```ts
 * sub(x, 1);
 * ```
 */
export function sub(a: Operand, b: Operand): Tensor {
  return binaryOp(
    'sub',
    a,
    b,
    (x, y) => x - y,
    () => [1, -1],
  );
}

/**
 * `a · b` elementwise with broadcasting.
 *
 * @example
 * ```ts
 * mul(x, tensor([1, 0, 1]));
 * ```
 */
export function mul(a: Operand, b: Operand): Tensor {
  return binaryOp(
    'mul',
    a,
    b,
    (x, y) => x * y,
    (x, y) => [y, x],
  );
}

/**
 * `a / b` elementwise with broadcasting.
 *
 * @example
 * ```ts
 * div(x, 2);
 * ```
 */
export function div(a: Operand, b: Operand): Tensor {
  return binaryOp(
    'div',
    a,
    b,
    (x, y) => x / y,
    (x, y) => [1 / y, -x / (y * y)],
  );
}

/**
 * `a ** b` elementwise with broadcasting; d/db is `a^b · ln a` (0 where a = 0 and b ≥ 0, as in torch).
 *
 * @example
 * ```ts
 * pow(x, 2);
 * pow(2, x);
 * ```
 */
export function pow(a: Operand, b: Operand): Tensor {
  return binaryOp(
    'pow',
    a,
    b,
    (x, y) => x ** y,
    (x, y, out) => [y === 0 ? 0 : y * x ** (y - 1), x === 0 && y >= 0 ? 0 : out * Math.log(x)],
  );
}

/**
 * `x · log(y)`, defined as 0 where x = 0 (torch.xlogy): the building block of entropies and divergences.
 *
 * @example
 * ```ts
 * xlogy(tensor([0, 0.5]), tensor([0, 0.25])).toArray(); // [0, 0.5·ln 0.25]
 * ```
 */
export function xlogy(x: Operand, y: Operand): Tensor {
  return binaryOp(
    'xlogy',
    x,
    y,
    (a, b) => (a === 0 && !Number.isNaN(b) ? 0 : a * Math.log(b)),
    (a, b) => [a === 0 && !Number.isNaN(b) ? 0 : Math.log(b), a === 0 ? 0 : a / b],
  );
}

/**
 * Elementwise maximum with broadcasting; at a tie the gradient is split in half (as torch does).
 *
 * @example
 * ```ts
 * maximum(x, 0); // relu
 * ```
 */
export function maximum(a: Operand, b: Operand): Tensor {
  return binaryOp('maximum', a, b, Math.max, (x, y) => (x === y ? [0.5, 0.5] : x > y ? [1, 0] : [0, 1]));
}

/**
 * Elementwise minimum with broadcasting; at a tie the gradient is split in half (as torch does).
 *
 * @example
 * ```ts
 * minimum(x, 1);
 * ```
 */
export function minimum(a: Operand, b: Operand): Tensor {
  return binaryOp('minimum', a, b, Math.min, (x, y) => (x === y ? [0.5, 0.5] : x < y ? [1, 0] : [0, 1]));
}

/**
 * `−x`.
 *
 * @example
 * ```ts
 * neg(x);
 * ```
 */
export function neg(x: Tensor): Tensor {
  return unaryOp(
    'neg',
    x,
    (v) => -v,
    () => -1,
  );
}

/**
 * `eˣ`.
 *
 * @example
 * ```ts
 * exp(tensor([0, 1])).toArray(); // [1, 2.718…]
 * ```
 */
export function exp(x: Tensor): Tensor {
  return unaryOp('exp', x, Math.exp, (_, y) => y);
}

/**
 * Natural logarithm.
 *
 * @example
 * ```ts
 * log(tensor([1, Math.E])).toArray(); // [0, 1]
 * ```
 */
export function log(x: Tensor): Tensor {
  return unaryOp('log', x, Math.log, (v) => 1 / v);
}

/**
 * Square root.
 *
 * @example
 * ```ts
 * sqrt(tensor([4, 9])).toArray(); // [2, 3]
 * ```
 */
export function sqrt(x: Tensor): Tensor {
  return unaryOp('sqrt', x, Math.sqrt, (_, y) => 0.5 / y);
}

/**
 * Absolute value; its gradient at 0 is 0 (torch's sign convention).
 *
 * @example
 * ```ts
 * abs(tensor([-2, 3])).toArray(); // [2, 3]
 * ```
 */
export function abs(x: Tensor): Tensor {
  return unaryOp('abs', x, Math.abs, (v) => Math.sign(v));
}

/** Bounds for `clamp`; either may be left out. */
export interface ClampOptions {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Clamp values into [min, max]; the gradient passes where the value is inside (bounds included, as torch does).
 *
 * @example
 * ```ts
 * clamp(x, { min: 0, max: 6 }); // relu6
 * ```
 */
export function clamp(x: Tensor, { min = -Infinity, max = Infinity }: ClampOptions): Tensor {
  return unaryOp(
    'clamp',
    x,
    (v) => Math.min(Math.max(v, min), max),
    (v) => (v >= min && v <= max ? 1 : 0),
  );
}
