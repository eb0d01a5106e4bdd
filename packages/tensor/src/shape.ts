import { formatShape, shapeError } from './errors.js';

/** Number of elements of a shape (1 for a scalar). */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a contiguous tensor. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = (strides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return strides;
}

/** The size of dimension `i`, which the caller has checked exists. */
export function dimOf(shape: readonly number[], i: number): number {
  return shape[i] ?? 1;
}

/** A dimension index in [0, ndim), accepting torch's negative indices. */
export function normalizeDim(op: string, dim: number, ndim: number): number {
  const d = dim < 0 ? dim + ndim : dim;
  if (!Number.isInteger(dim) || d < 0 || d >= Math.max(ndim, 1)) {
    throw shapeError(op, `dimension ${dim} is out of range for a tensor with ${ndim} dimensions`);
  }
  return d;
}

/** Numpy broadcasting: align on the right; each pair of sizes must be equal or contain a 1. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw shapeError(
        op,
        `shapes ${formatShape(a)} and ${formatShape(b)} do not broadcast (dimension ${i - n}: ${da} vs ${db}; sizes must be equal or 1)`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * For every element of a tensor of shape `outShape`, the flat index of the element of a tensor of shape `inShape`
 * (right-aligned, size-1 dimensions repeated) that broadcasting reads.
 */
export function broadcastIndex(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const offset = outShape.length - inShape.length;
  const inStrides = contiguousStrides(inShape);
  const strides = outShape.map((_, i) => {
    const j = i - offset;
    return j < 0 || (inShape[j] ?? 1) === 1 ? 0 : (inStrides[j] ?? 0);
  });
  return stridedIndex(outShape, strides, 0);
}

/** Flat indices `base + Σ idx[i]·strides[i]` for every multi-index of `shape`, in row-major order. */
export function stridedIndex(shape: readonly number[], strides: readonly number[], base: number): Int32Array {
  const total = numel(shape);
  const result = new Int32Array(total);
  const idx = new Array<number>(shape.length).fill(0);
  let pos = base;
  for (let k = 0; k < total; k++) {
    result[k] = pos;
    for (let d = shape.length - 1; d >= 0; d--) {
      const i = (idx[d] ?? 0) + 1;
      const step = strides[d] ?? 0;
      if (i < (shape[d] ?? 1)) {
        idx[d] = i;
        pos += step;
        break;
      }
      idx[d] = 0;
      pos -= step * (i - 1);
    }
  }
  return result;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
