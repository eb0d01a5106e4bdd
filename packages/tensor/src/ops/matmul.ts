import { formatShape, shapeError } from '../errors.js';
import { broadcastIndex, broadcastShapes, numel } from '../shape.js';
import { type Tensor, fromOp } from '../tensor.js';
import { add } from './elementwise.js';
import { reshape, transpose } from './views.js';

function batchedMatmul(op: string, a: Tensor, b: Tensor): Tensor {
  const [n, k] = a.shape.slice(-2) as [number, number];
  const [k2, m] = b.shape.slice(-2) as [number, number];
  if (k !== k2) {
    throw shapeError(
      op,
      `shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} cannot be multiplied (${n}x${k} and ${k2}x${m}; inner sizes must match)`,
    );
  }
  const batch = broadcastShapes(op, a.shape.slice(0, -2), b.shape.slice(0, -2));
  const ia = broadcastIndex(a.shape.slice(0, -2), batch);
  const ib = broadcastIndex(b.shape.slice(0, -2), batch);
  const out = new Float64Array(numel(batch) * n * m);
  const A = a.data;
  const B = b.data;
  ia.forEach((pa, t) => {
    const oa = pa * n * k;
    const ob = (ib[t] ?? 0) * k * m;
    const oo = t * n * m;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let r = 0; r < k; r++) s += (A[oa + i * k + r] ?? 0) * (B[ob + r * m + j] ?? 0);
        out[oo + i * m + j] = s;
      }
  });
  return fromOp(op, out, [...batch, n, m], [a, b], (g, needs) => {
    const ga = needs[0] === true ? new Float64Array(a.numel) : null;
    const gb = needs[1] === true ? new Float64Array(b.numel) : null;
    ia.forEach((pa, t) => {
      const oa = pa * n * k;
      const ob = (ib[t] ?? 0) * k * m;
      const oo = t * n * m;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          const gij = g[oo + i * m + j] ?? 0;
          for (let r = 0; r < k; r++) {
            if (ga) ga[oa + i * k + r] = (ga[oa + i * k + r] ?? 0) + gij * (B[ob + r * m + j] ?? 0);
            if (gb) gb[ob + r * m + j] = (gb[ob + r * m + j] ?? 0) + gij * (A[oa + i * k + r] ?? 0);
          }
        }
    });
    return [ga, gb];
  });
}

/**
 * Matrix product with torch's rules: 1-D·1-D is a dot product (0-d), a 1-D left operand is a row vector and a 1-D
 * right operand a column vector (the added dimension is removed again), and leading batch dimensions broadcast.
 *
 * @example
 * ```ts
 * matmul(zeros([10, 1, 3, 4]), zeros([5, 4, 2])).shape; // [10, 5, 3, 2]
 * matmul(tensor([1, 2]), tensor([3, 4])).item(); // 11
 * ```
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw shapeError(
      'matmul',
      `both arguments need at least 1 dimension, got ${formatShape(a.shape)} and ${formatShape(b.shape)}`,
    );
  }
  const a2 = a.ndim === 1 ? reshape(a, [1, a.numel]) : a;
  const b2 = b.ndim === 1 ? reshape(b, [b.numel, 1]) : b;
  const product = batchedMatmul('matmul', a2, b2);
  if (a.ndim > 1 && b.ndim > 1) return product;
  const shape = product.shape.filter(
    (_, i) => !((a.ndim === 1 && i === product.ndim - 2) || (b.ndim === 1 && i === product.ndim - 1)),
  );
  return reshape(product, shape);
}

/**
 * Batched matrix product of two 3-D tensors with the same batch size (no broadcasting, as torch.bmm).
 *
 * @example
 * ```ts
 * bmm(zeros([8, 3, 4]), zeros([8, 4, 5])).shape; // [8, 3, 5]
 * ```
 */
export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 3 || b.ndim !== 3) {
    throw shapeError('bmm', `both arguments must be 3-D, got ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  }
  if (a.shape[0] !== b.shape[0]) {
    throw shapeError(
      'bmm',
      `batch sizes differ: ${formatShape(a.shape)} and ${formatShape(b.shape)} (no broadcasting in bmm)`,
    );
  }
  return batchedMatmul('bmm', a, b);
}

/**
 * `x · weightᵀ + bias` (torch.nn.functional.linear): weight is [out, in], x is [..., in].
 *
 * @example
 * ```ts
 * linear(x, w, b); // x [N, 4], w [3, 4], b [3] → [N, 3]
 * ```
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  if (weight.ndim !== 2 || x.ndim === 0 || x.shape[x.ndim - 1] !== weight.shape[1]) {
    throw shapeError(
      'linear',
      `input ${formatShape(x.shape)} has ${x.shape[x.ndim - 1]} features but weight ${formatShape(weight.shape)} expects ${weight.shape[1]} (weight is [out, in])`,
    );
  }
  if (bias !== undefined && (bias.ndim !== 1 || bias.shape[0] !== weight.shape[0])) {
    throw shapeError(
      'linear',
      `bias ${formatShape(bias.shape)} should be [${weight.shape[0]}] for weight ${formatShape(weight.shape)}`,
    );
  }
  const y = matmul(x, transpose(weight, 0, 1));
  return bias === undefined ? y : add(y, bias);
}
