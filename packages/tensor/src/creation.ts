import { TensorError, argumentError } from './errors.js';
import { createRng, normal } from './random.js';
import { numel } from './shape.js';
import { type TensorOptions, Tensor } from './tensor.js';

/** What `tensor()` accepts: a number, a boolean (1 or 0), or rectangular nested arrays of them. */
export type TensorLike = number | boolean | readonly TensorLike[];

function inferShape(value: TensorLike): number[] {
  const shape: number[] = [];
  let v: TensorLike = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = (v as readonly TensorLike[])[0] ?? 0;
  }
  return shape;
}

function flatten(value: TensorLike, shape: readonly number[], dim: number, out: number[]): void {
  if (dim === shape.length) {
    if (Array.isArray(value)) throw new TensorError('shape', 'tensor: nested arrays are not rectangular');
    out.push(typeof value === 'boolean' ? Number(value) : (value as number));
    return;
  }
  if (!Array.isArray(value) || value.length !== shape[dim]) {
    throw new TensorError(
      'shape',
      `tensor: nested arrays are not rectangular (dimension ${dim} should have ${shape[dim]} entries)`,
    );
  }
  for (const item of value as readonly TensorLike[]) flatten(item, shape, dim + 1, out);
}

/**
 * A tensor from (nested) numbers, like `torch.tensor`.
 *
 * @example
 * ```ts
 * const w = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true }); // shape [2, 3]
 * const s = tensor(3); // a 0-d scalar
 * ```
 */
export function tensor(value: TensorLike, options: TensorOptions = {}): Tensor {
  const shape = inferShape(value);
  const flat: number[] = [];
  flatten(value, shape, 0, flat);
  return new Tensor(Float64Array.from(flat), shape, options);
}

/**
 * A tensor from flat row-major values and a shape.
 *
 * @example
 * ```ts
 * const x = fromFlat([1, 2, 3, 4, 5, 6], [2, 3]);
 * ```
 */
export function fromFlat(values: ArrayLike<number>, shape: readonly number[], options: TensorOptions = {}): Tensor {
  return new Tensor(Float64Array.from(values), shape, options);
}

function checkShape(op: string, shape: readonly number[]): void {
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw argumentError(op, `sizes must be non-negative integers, got [${shape.join(',')}]`);
  }
}

/**
 * A tensor filled with `value`.
 *
 * @example
 * ```ts
 * full([2, 2], 0.5).toArray(); // [[0.5, 0.5], [0.5, 0.5]]
 * ```
 */
export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  checkShape('full', shape);
  return new Tensor(new Float64Array(numel(shape)).fill(value), shape, options);
}

/**
 * A tensor of zeros.
 *
 * @example
 * ```ts
 * const b = zeros([8], { requiresGrad: true });
 * ```
 */
export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 0, options);
}

/**
 * A tensor of ones.
 *
 * @example
 * ```ts
 * const w = ones([1, 1, 3, 3]);
 * ```
 */
export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

/**
 * Values from `start` (inclusive) to `end` (exclusive) by `step`, like `torch.arange`; `arange(n)` is 0..n-1.
 *
 * @example
 * ```ts
 * arange(5).toArray(); // [0, 1, 2, 3, 4]
 * arange(1, 2, 0.25).toArray(); // [1, 1.25, 1.5, 1.75]
 * ```
 */
export function arange(start: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  const [from, to] = end === undefined ? [0, start] : [start, end];
  if (step === 0 || !Number.isFinite(step))
    throw argumentError('arange', `step must be finite and non-zero, got ${step}`);
  const count = Math.max(0, Math.ceil((to - from) / step));
  return new Tensor(
    Float64Array.from({ length: count }, (_, i) => from + i * step),
    [count],
    options,
  );
}

/**
 * Standard normal samples from a seeded generator: the same seed gives the same tensor on every machine. The
 * values differ from torch's generator.
 *
 * @example
 * ```ts
 * const x = randn([2, 3, 8, 8], 42);
 * ```
 */
export function randn(shape: readonly number[], seed: number, options: TensorOptions = {}): Tensor {
  checkShape('randn', shape);
  const rng = createRng(seed);
  return new Tensor(
    Float64Array.from({ length: numel(shape) }, () => normal(rng)),
    shape,
    options,
  );
}

/**
 * Uniform samples in [0, 1) from a seeded generator (values differ from torch's generator).
 *
 * @example
 * ```ts
 * const u = rand([4], 7);
 * ```
 */
export function rand(shape: readonly number[], seed: number, options: TensorOptions = {}): Tensor {
  checkShape('rand', shape);
  const rng = createRng(seed);
  return new Tensor(
    Float64Array.from({ length: numel(shape) }, () => rng()),
    shape,
    options,
  );
}
