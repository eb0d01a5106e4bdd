import { argumentError, formatShape, shapeError } from '../errors.js';
import { broadcastIndex, broadcastShapes, normalizeDim, numel, sameShape, stridedIndex } from '../shape.js';
import { type Tensor, fromOp } from '../tensor.js';
import { takeFlat } from './gather-index.js';

/**
 * The same values in a new shape (one size may be −1, inferred). Row-major order is kept; the result is a copy.
 *
 * @example
 * ```ts
 * reshape(arange(6), [2, -1]).shape; // [2, 3]
 * ```
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const known = shape.reduce((n, d) => (d === -1 ? n : n * d), 1);
  const inferred = shape.filter((d) => d === -1).length;
  const resolved = shape.map((d) => (d === -1 ? x.numel / known : d));
  if (inferred > 1 || !resolved.every((d) => Number.isInteger(d) && d >= 0) || numel(resolved) !== x.numel) {
    throw shapeError(
      'reshape',
      `shape ${formatShape(shape)} is invalid for input of size ${x.numel} (shape ${formatShape(x.shape)})`,
    );
  }
  return fromOp('reshape', x.data.slice(), resolved, [x], (g) => [g]);
}

/**
 * Alias of `reshape` (torch's `view`; here every tensor is contiguous, so they are the same).
 *
 * @example
 * ```ts
 * view(x, [x.shape[0] ?? 1, -1]);
 * ```
 */
export function view(x: Tensor, shape: readonly number[]): Tensor {
  return reshape(x, shape);
}

/**
 * Merge dimensions `startDim..endDim` into one.
 *
 * @example
 * ```ts
 * flatten(x, 1).shape; // [N, C·H·W]
 * ```
 */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normalizeDim('flatten', startDim, x.ndim);
  const e = normalizeDim('flatten', endDim, x.ndim);
  return reshape(x, [...x.shape.slice(0, s), numel(x.shape.slice(s, e + 1)), ...x.shape.slice(e + 1)]);
}

/**
 * Insert a size-1 dimension at `dim`.
 *
 * @example
 * ```ts
 * unsqueeze(tensor([1, 2]), 0).shape; // [1, 2]
 * ```
 */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = normalizeDim('unsqueeze', dim, x.ndim + 1);
  return reshape(x, [...x.shape.slice(0, d), 1, ...x.shape.slice(d)]);
}

/**
 * Remove size-1 dimensions (only `dim` when given; a no-op when that size is not 1, as torch).
 *
 * @example
 * ```ts
 * squeeze(zeros([1, 3, 1])).shape; // [3]
 * ```
 */
export function squeeze(x: Tensor, dim?: number): Tensor {
  const d = dim === undefined ? -1 : normalizeDim('squeeze', dim, x.ndim);
  return reshape(
    x,
    x.shape.filter((size, i) => size !== 1 || (d >= 0 && i !== d)),
  );
}

/**
 * Reorder dimensions: result dimension i is input dimension `dims[i]`.
 *
 * @example
 * ```ts
 * permute(zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 * ```
 */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  const resolved = dims.map((d) => normalizeDim('permute', d, x.ndim));
  if (resolved.length !== x.ndim || new Set(resolved).size !== x.ndim) {
    throw shapeError(
      'permute',
      `dims [${dims.join(',')}] are not a permutation of the ${x.ndim} dimensions of ${formatShape(x.shape)}`,
    );
  }
  const shape = resolved.map((d) => x.shape[d] ?? 1);
  const strides = resolved.map((d) => x.strides[d] ?? 0);
  return takeFlat('permute', x, shape, stridedIndex(shape, strides, 0));
}

/**
 * Swap two dimensions.
 *
 * @example
 * ```ts
 * transpose(w, 0, 1); // w.T for a matrix
 * ```
 */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const dims = x.shape.map((_, i) => i);
  const a = normalizeDim('transpose', dim0, x.ndim);
  const b = normalizeDim('transpose', dim1, x.ndim);
  dims[a] = b;
  dims[b] = a;
  return x.ndim === 0 ? x : permute(x, dims);
}

/**
 * Broadcast to `shape` (torch's `expand`/`broadcast_to`, copied). The gradient sums over the repeated entries.
 *
 * @example
 * ```ts
 * expand(tensor([[1], [2]]), [2, 3]).toArray(); // [[1, 1, 1], [2, 2, 2]]
 * ```
 */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  const target = shape.map((d, i) => (d === -1 ? (x.shape[i - (shape.length - x.ndim)] ?? 1) : d));
  if (!sameShape(broadcastShapes('expand', x.shape, target), target)) {
    throw shapeError('expand', `shape ${formatShape(x.shape)} cannot be expanded to ${formatShape(shape)}`);
  }
  return takeFlat('expand', x, target, broadcastIndex(x.shape, target));
}

/** Which part of a dimension `slice` keeps: Python slice semantics, negative indices count from the end. */
export interface SliceOptions {
  readonly start?: number;
  readonly end?: number;
  readonly step?: number;
}

/**
 * `x[..., start:end:step, ...]` along `dim` (a copy).
 *
 * @example
 * ```ts
 * slice(x, 1, { start: 1, end: 3 }); // x[:, 1:3]
 * ```
 */
export function slice(x: Tensor, dim: number, { start = 0, end, step = 1 }: SliceOptions = {}): Tensor {
  const d = normalizeDim('slice', dim, x.ndim);
  if (!Number.isInteger(step) || step <= 0)
    throw argumentError('slice', `step must be a positive integer, got ${step}`);
  const size = x.shape[d] ?? 1;
  const clampIndex = (i: number): number => Math.min(Math.max(i < 0 ? i + size : i, 0), size);
  const from = clampIndex(start);
  const to = clampIndex(end ?? size);
  const length = Math.max(0, Math.ceil((to - from) / step));
  const shape = x.shape.map((s, i) => (i === d ? length : s));
  const strides = x.strides.map((s, i) => (i === d ? s * step : s));
  return takeFlat('slice', x, shape, stridedIndex(shape, strides, from * (x.strides[d] ?? 1)));
}

/**
 * `length` entries of `dim` from `start` (torch.narrow).
 *
 * @example
 * ```ts
 * narrow(gates, 1, 0, hidden); // the first chunk
 * ```
 */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const d = normalizeDim('narrow', dim, x.ndim);
  const size = x.shape[d] ?? 1;
  if (start < 0 || length < 0 || start + length > size) {
    throw shapeError(
      'narrow',
      `start ${start} + length ${length} exceeds dimension ${d} of size ${size} (shape ${formatShape(x.shape)})`,
    );
  }
  return slice(x, d, { start, end: start + length });
}

/**
 * The slice at `index` of `dim`, with that dimension removed (`x[:, i]`).
 *
 * @example
 * ```ts
 * select(x, 0, -1); // the last row
 * ```
 */
export function select(x: Tensor, dim: number, index: number): Tensor {
  const d = normalizeDim('select', dim, x.ndim);
  const size = x.shape[d] ?? 1;
  const i = index < 0 ? index + size : index;
  if (!Number.isInteger(index) || i < 0 || i >= size) {
    throw shapeError(
      'select',
      `index ${index} is out of range for dimension ${d} of size ${size} (shape ${formatShape(x.shape)})`,
    );
  }
  return squeeze(slice(x, d, { start: i, end: i + 1 }), d);
}

/**
 * Pick along `dim` at the positions in `index` (torch.gather): `out[i][j] = x[i][index[i][j]]` for dim 1. The
 * index has the rank of `x` and sizes no larger than `x`'s outside `dim`.
 *
 * @example
 * ```ts
 * gather(logProbs, 1, tensor([[2], [0]])); // the log-probability of each row's class
 * ```
 */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  const d = normalizeDim('gather', dim, x.ndim);
  const fits = index.ndim === x.ndim && index.shape.every((s, i) => i === d || s <= (x.shape[i] ?? 0));
  if (!fits) {
    throw shapeError(
      'gather',
      `index ${formatShape(index.shape)} does not fit input ${formatShape(x.shape)} along dimension ${d} (same rank, sizes no larger outside dim)`,
    );
  }
  const base = stridedIndex(
    index.shape,
    x.strides.map((s, i) => (i === d ? 0 : s)),
    0,
  );
  const size = x.shape[d] ?? 1;
  const src = base.map((b, k) => {
    const i = index.data[k] ?? 0;
    if (!Number.isInteger(i) || i < 0 || i >= size)
      throw shapeError('gather', `index ${i} is out of range for dimension ${d} of size ${size}`);
    return b + i * (x.strides[d] ?? 1);
  });
  return takeFlat('gather', x, index.shape, src);
}

/**
 * Join tensors along an existing dimension; all other sizes must agree.
 *
 * @example
 * ```ts
 * cat([a, b], 0);
 * ```
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  const first = tensors[0];
  if (first === undefined) throw argumentError('cat', 'needs at least one tensor');
  const d = normalizeDim('cat', dim, first.ndim);
  for (const t of tensors) {
    if (t.ndim !== first.ndim || t.shape.some((s, i) => i !== d && s !== first.shape[i])) {
      throw shapeError(
        'cat',
        `shapes ${tensors.map((u) => formatShape(u.shape)).join(', ')} differ outside dimension ${d}`,
      );
    }
  }
  const sizes = tensors.map((t) => t.shape[d] ?? 0);
  const shape = first.shape.map((s, i) => (i === d ? sizes.reduce((a, b) => a + b, 0) : s));
  const outer = numel(first.shape.slice(0, d));
  const inner = numel(first.shape.slice(d + 1));
  const out = new Float64Array(numel(shape));
  const rowLength = (shape[d] ?? 0) * inner;
  let offset = 0;
  for (const t of tensors) {
    const chunk = (t.shape[d] ?? 0) * inner;
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * chunk, (o + 1) * chunk), o * rowLength + offset);
    offset += chunk;
  }
  return fromOp('cat', out, shape, tensors, (g) => {
    let at = 0;
    return tensors.map((t) => {
      const chunk = (t.shape[d] ?? 0) * inner;
      const gt = new Float64Array(t.numel);
      for (let o = 0; o < outer; o++) gt.set(g.subarray(o * rowLength + at, o * rowLength + at + chunk), o * chunk);
      at += chunk;
      return gt;
    });
  });
}

/**
 * Join same-shaped tensors along a new dimension.
 *
 * @example
 * ```ts
 * stack([h1, h2], 0); // [2, ...]
 * ```
 */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  const first = tensors[0];
  if (first === undefined) throw argumentError('stack', 'needs at least one tensor');
  if (tensors.some((t) => !sameShape(t.shape, first.shape))) {
    throw shapeError(
      'stack',
      `all tensors must have the same shape, got ${tensors.map((t) => formatShape(t.shape)).join(', ')}`,
    );
  }
  const d = normalizeDim('stack', dim, first.ndim + 1);
  return cat(
    tensors.map((t) => unsqueeze(t, d)),
    d,
  );
}

/**
 * Split into `chunks` equal parts along `dim` (the size must divide evenly here, unlike torch).
 *
 * @example
 * ```ts
 * const [i, f, g, o] = chunk(gates, 4, 1);
 * ```
 */
export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  const d = normalizeDim('chunk', dim, x.ndim);
  const size = x.shape[d] ?? 1;
  if (!Number.isInteger(chunks) || chunks <= 0 || size % chunks !== 0) {
    throw shapeError(
      'chunk',
      `dimension ${d} of size ${size} (shape ${formatShape(x.shape)}) does not split into ${chunks} equal chunks`,
    );
  }
  const part = size / chunks;
  return Array.from({ length: chunks }, (_, i) => narrow(x, d, i * part, part));
}
