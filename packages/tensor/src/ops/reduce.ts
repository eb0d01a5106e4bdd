import { contiguousStrides, normalizeDim, stridedIndex } from '../shape.js';
import { Tensor, fromOp } from '../tensor.js';

/** Options of reductions over dimensions. */
export interface ReduceOptions {
  /** Keep reduced dimensions with size 1, so the result broadcasts against the input (default false). */
  readonly keepdim?: boolean;
}

interface Reduction {
  readonly shape: number[];
  /** For every input element, the flat index of the output element it reduces into. */
  readonly target: Int32Array;
  readonly count: number;
}

function plan(op: string, x: Tensor, dim: number | readonly number[] | undefined, keepdim: boolean): Reduction {
  const all = x.shape.map((_, i) => i);
  const dims = new Set(
    dim === undefined ? all : (typeof dim === 'number' ? [dim] : dim).map((d) => normalizeDim(op, d, x.ndim)),
  );
  const kept = x.shape.map((d, i) => (dims.has(i) ? 1 : d));
  const strides = contiguousStrides(kept).map((s, i) => (dims.has(i) ? 0 : s));
  const shape = keepdim ? kept : x.shape.filter((_, i) => !dims.has(i));
  const count = x.shape.reduce((n, d, i) => (dims.has(i) ? n * d : n), 1);
  return { shape, target: stridedIndex(x.shape, strides, 0), count };
}

/**
 * Sum over `dim` (a dimension, a list of them, or all when left out).
 *
 * @example
 * ```ts
 * sum(x); // scalar
 * sum(x, 1, { keepdim: true }); // shape [N, 1, ...]
 * ```
 */
export function sum(x: Tensor, dim?: number | readonly number[], { keepdim = false }: ReduceOptions = {}): Tensor {
  return scaledSum('sum', x, dim, keepdim, false);
}

/**
 * Mean over `dim` (a dimension, a list of them, or all when left out).
 *
 * @example
 * ```ts
 * mean(x, [0, 2, 3], { keepdim: true }); // per-channel mean of an NCHW batch
 * ```
 */
export function mean(x: Tensor, dim?: number | readonly number[], { keepdim = false }: ReduceOptions = {}): Tensor {
  return scaledSum('mean', x, dim, keepdim, true);
}

function scaledSum(
  op: string,
  x: Tensor,
  dim: number | readonly number[] | undefined,
  keepdim: boolean,
  average: boolean,
): Tensor {
  const { shape, target, count } = plan(op, x, dim, keepdim);
  const scale = average ? 1 / count : 1;
  const out = new Float64Array(shape.reduce((n, d) => n * d, 1));
  for (let i = 0; i < target.length; i++) {
    const t = target[i] ?? 0;
    out[t] = (out[t] ?? 0) + (x.data[i] ?? 0);
  }
  if (average) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * scale;
  return fromOp(op, out, shape, [x], (g) => [Float64Array.from(target, (t) => (g[t] ?? 0) * scale)]);
}

/** Options of `variance`. */
export interface VarianceOptions extends ReduceOptions {
  /** Divide by n − 1 (Bessel's correction) instead of n (default true, as torch.var). */
  readonly unbiased?: boolean;
}

/**
 * Variance over `dim`.
 *
 * @example
 * ```ts
 * variance(x, 0, { unbiased: false });
 * ```
 */
export function variance(
  x: Tensor,
  dim?: number | readonly number[],
  { keepdim = false, unbiased = true }: VarianceOptions = {},
): Tensor {
  const { shape, target, count } = plan('variance', x, dim, keepdim);
  const m = new Float64Array(shape.reduce((n, d) => n * d, 1));
  for (let i = 0; i < target.length; i++) m[target[i] ?? 0] = (m[target[i] ?? 0] ?? 0) + (x.data[i] ?? 0) / count;
  const out = new Float64Array(m.length);
  const denom = unbiased ? count - 1 : count;
  for (let i = 0; i < target.length; i++) {
    const t = target[i] ?? 0;
    out[t] = (out[t] ?? 0) + ((x.data[i] ?? 0) - (m[t] ?? 0)) ** 2 / denom;
  }
  return fromOp('variance', out, shape, [x], (g) => [
    Float64Array.from(target, (t, i) => ((g[t] ?? 0) * 2 * ((x.data[i] ?? 0) - (m[t] ?? 0))) / denom),
  ]);
}

/** Values and positions of extremes along a dimension, like torch's `(values, indices)`. */
export interface ValuesAndIndices {
  readonly values: Tensor;
  /** Positions along the reduced dimension, as float64 integers. */
  readonly indices: Tensor;
}

function extreme(
  op: string,
  x: Tensor,
  dim: number | undefined,
  keepdim: boolean,
  better: (a: number, b: number) => boolean,
): ValuesAndIndices {
  const { shape, target } = plan(op, x, dim, keepdim);
  const size = shape.reduce((n, d) => n * d, 1);
  const best = new Int32Array(size).fill(-1);
  const position = new Float64Array(size);
  const d = dim === undefined ? -1 : normalizeDim(op, dim, x.ndim);
  const stride = d < 0 ? 1 : (x.strides[d] ?? 1);
  const extent = d < 0 ? x.numel : (x.shape[d] ?? 1);
  for (let i = 0; i < target.length; i++) {
    const t = target[i] ?? 0;
    const b = best[t] ?? -1;
    const v = x.data[i] ?? 0;
    if (b < 0 || better(v, x.data[b] ?? 0) || (Number.isNaN(v) && !Number.isNaN(x.data[b]))) {
      best[t] = i;
      position[t] = Math.floor(i / stride) % extent;
    }
  }
  const values = Float64Array.from(best, (b) => x.data[b] ?? Number.NaN);
  const out = fromOp(op, values, shape, [x], (g) => {
    const gx = new Float64Array(x.numel);
    if (dim === undefined) {
      // A full reduction shares the gradient evenly among ties, as torch does.
      const v = values[0] ?? 0;
      const ties = x.data.reduce((n, xi) => (xi === v ? n + 1 : n), 0);
      x.data.forEach((xi, i) => (gx[i] = xi === v ? (g[0] ?? 0) / ties : 0));
      return [gx];
    }
    best.forEach((b, t) => (gx[b] = (gx[b] ?? 0) + (g[t] ?? 0)));
    return [gx];
  });
  return { values: out, indices: new Tensor(position, shape) };
}

/**
 * The largest value: of all elements (a scalar) or along `dim` with its index (`{ values, indices }`, first
 * occurrence at ties, like torch).
 *
 * @example
 * ```ts
 * max(x).item();
 * const { values, indices } = max(x, 1, { keepdim: true });
 * ```
 */
export function max(x: Tensor): Tensor;
export function max(x: Tensor, dim: number, options?: ReduceOptions): ValuesAndIndices;
export function max(x: Tensor, dim?: number, { keepdim = false }: ReduceOptions = {}): Tensor | ValuesAndIndices {
  const result = extreme('max', x, dim, keepdim, (a, b) => a > b);
  return dim === undefined ? result.values : result;
}

/**
 * The smallest value: of all elements (a scalar) or along `dim` with its index (`{ values, indices }`).
 *
 * @example
 * ```ts
 * min(x, 0).indices;
 * ```
 */
export function min(x: Tensor): Tensor;
export function min(x: Tensor, dim: number, options?: ReduceOptions): ValuesAndIndices;
export function min(x: Tensor, dim?: number, { keepdim = false }: ReduceOptions = {}): Tensor | ValuesAndIndices {
  const result = extreme('min', x, dim, keepdim, (a, b) => a < b);
  return dim === undefined ? result.values : result;
}

/**
 * Index of the largest value along `dim` (of the flattened tensor when left out), as float64.
 *
 * @example
 * ```ts
 * argmax(logits, 1); // predicted classes
 * ```
 */
export function argmax(x: Tensor, dim?: number, { keepdim = false }: ReduceOptions = {}): Tensor {
  return extreme('argmax', x, dim, keepdim, (a, b) => a > b).indices;
}
