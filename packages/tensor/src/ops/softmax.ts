import { formatShape, shapeError } from '../errors.js';
import { broadcastIndex, broadcastShapes, normalizeDim, sameShape } from '../shape.js';
import { type Tensor, fromOp } from '../tensor.js';

/** Options of `softmax` and `logSoftmax`. */
export interface SoftmaxOptions {
  /**
   * Which positions take part, broadcastable to the input: non-zero (true) = keep, 0 = masked out (the convention
   * of torch's boolean `attn_mask` in scaled_dot_product_attention, and of `scores.masked_fill(mask == 0, -inf)`).
   * Masked positions get probability exactly 0 and no gradient.
   */
  readonly mask?: Tensor;
}

interface Rows {
  readonly outer: number;
  readonly size: number;
  readonly inner: number;
  readonly keep: (flat: number) => boolean;
}

function rows(op: string, x: Tensor, dim: number, mask: Tensor | undefined): Rows {
  const d = normalizeDim(op, dim, x.ndim);
  const size = x.shape[d] ?? 1;
  const inner = x.strides[d] ?? 1;
  const outer = x.numel / Math.max(size * inner, 1);
  if (mask === undefined) return { outer, size, inner, keep: () => true };
  if (!sameShape(broadcastShapes(op, x.shape, mask.shape), x.shape)) {
    throw shapeError(op, `mask ${formatShape(mask.shape)} does not broadcast to the input ${formatShape(x.shape)}`);
  }
  const at = broadcastIndex(mask.shape, x.shape);
  return { outer, size, inner, keep: (flat) => (mask.data[at[flat] ?? 0] ?? 0) !== 0 };
}

/** Visit each softmax row: the flat indices of its kept entries. */
function forEachRow({ outer, size, inner, keep }: Rows, visit: (kept: number[]) => void): void {
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const kept: number[] = [];
      for (let k = 0; k < size; k++) {
        const flat = (o * size + k) * inner + i;
        if (keep(flat)) kept.push(flat);
      }
      visit(kept);
    }
}

function logSumExp(x: Float64Array, kept: readonly number[]): number {
  const m = kept.reduce((a, f) => Math.max(a, x[f] ?? 0), -Infinity);
  if (m === -Infinity || m === Infinity) return m;
  return m + Math.log(kept.reduce((s, f) => s + Math.exp((x[f] ?? 0) - m), 0));
}

/**
 * softmax along `dim`: exp(xᵢ) / Σⱼ exp(xⱼ) over the kept positions.
 *
 * A row whose positions are all masked has no distribution; here it is all zeros with zero gradient (torch, masking
 * with −∞, gives NaN). Check `sum(p, dim)` if a row may be fully masked.
 *
 * @example
 * ```ts
 * softmax(scores, -1, { mask: tensor([[1, 1, 0]]) }); // last key gets probability 0
 * ```
 */
export function softmax(x: Tensor, dim: number, { mask }: SoftmaxOptions = {}): Tensor {
  const plan = rows('softmax', x, dim, mask);
  const y = new Float64Array(x.numel);
  forEachRow(plan, (kept) => {
    const lse = logSumExp(x.data, kept);
    for (const f of kept) y[f] = Math.exp((x.data[f] ?? 0) - lse);
  });
  return fromOp('softmax', y, x.shape, [x], (g) => {
    const gx = new Float64Array(x.numel);
    forEachRow(plan, (kept) => {
      const dot = kept.reduce((s, f) => s + (g[f] ?? 0) * (y[f] ?? 0), 0);
      for (const f of kept) gx[f] = (y[f] ?? 0) * ((g[f] ?? 0) - dot);
    });
    return [gx];
  });
}

/**
 * log softmax along `dim`, computed stably. Masked positions are −∞ (log 0) and get no gradient; an all-masked
 * row is all −∞ (torch gives NaN).
 *
 * @example
 * ```ts
 * logSoftmax(logits, 1);
 * ```
 */
export function logSoftmax(x: Tensor, dim: number, { mask }: SoftmaxOptions = {}): Tensor {
  const plan = rows('logSoftmax', x, dim, mask);
  const y = new Float64Array(x.numel).fill(-Infinity);
  forEachRow(plan, (kept) => {
    const lse = logSumExp(x.data, kept);
    for (const f of kept) y[f] = (x.data[f] ?? 0) - lse;
  });
  return fromOp('logSoftmax', y, x.shape, [x], (g) => {
    const gx = new Float64Array(x.numel);
    forEachRow(plan, (kept) => {
      const total = kept.reduce((s, f) => s + (g[f] ?? 0), 0);
      for (const f of kept) gx[f] = (g[f] ?? 0) - Math.exp(y[f] ?? 0) * total;
    });
    return [gx];
  });
}
