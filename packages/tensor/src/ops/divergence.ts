import { formatShape, shapeError } from '../errors.js';
import { sameShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { add, div, mul, sub, xlogy } from './elementwise.js';
import { sum } from './reduce.js';

/** Options of the divergences. */
export interface DivergenceOptions {
  /** The dimension holding each distribution (default −1: the last). */
  readonly dim?: number;
  /** Logarithm base: e (nats, default) or 2 (bits), or any other. */
  readonly base?: number;
}

function check(op: string, p: Tensor, q: Tensor): void {
  if (!sameShape(p.shape, q.shape) || p.ndim === 0) {
    throw shapeError(
      op,
      `p ${formatShape(p.shape)} and q ${formatShape(q.shape)} must be distributions of the same shape`,
    );
  }
}

/**
 * KL(p ‖ q) = Σ p·log(p / q) along `dim`, with 0·log 0 = 0 (so it is +∞ where q = 0 < p). Inputs are probability
 * vectors (not logs; unlike torch's kl_div, which takes log q and swaps the argument order).
 *
 * @example
 * ```ts
 * klDivergence(tensor([0.5, 0.5]), tensor([0.9, 0.1]), { base: 2 }).item(); // ≈ 0.737 bits
 * ```
 */
export function klDivergence(p: Tensor, q: Tensor, { dim = -1, base = Math.E }: DivergenceOptions = {}): Tensor {
  check('klDivergence', p, q);
  return div(sum(sub(xlogy(p, p), xlogy(p, q)), dim), Math.log(base));
}

/**
 * Jensen–Shannon divergence ½KL(p ‖ m) + ½KL(q ‖ m) with m = (p + q)/2, along `dim`; at most ln 2 (1 bit).
 *
 * @example
 * ```ts
 * jsDivergence(tensor([1, 0]), tensor([0, 1]), { base: 2 }).item(); // 1
 * ```
 */
export function jsDivergence(p: Tensor, q: Tensor, options: DivergenceOptions = {}): Tensor {
  check('jsDivergence', p, q);
  const m = mul(add(p, q), 0.5);
  return mul(add(klDivergence(p, m, options), klDivergence(q, m, options)), 0.5);
}
