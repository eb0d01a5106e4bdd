import { argumentError } from '../errors.js';
import type { Tensor } from '../tensor.js';

/**
 * Rescale the gradients of `parameters` in place so that their joint `normType`-norm is at most `maxNorm`
 * (torch.nn.utils.clip_grad_norm_): every gradient is multiplied by min(1, maxNorm / (total + 1e-6)). Parameters
 * without a gradient are skipped. Returns the total norm before clipping. `normType` may be `Infinity`.
 *
 * @example
 * ```ts
 * loss.backward();
 * const before = clipGradNorm([w, b], 1.0); // now ‖(∇w, ∇b)‖₂ ≤ 1
 * ```
 */
export function clipGradNorm(parameters: Iterable<Tensor>, maxNorm: number, normType = 2): number {
  if (!(normType > 0)) throw argumentError('clipGradNorm', `normType must be positive (or Infinity), got ${normType}`);
  const grads = [...parameters].flatMap((p) => (p.grad ? [p.grad.data] : []));
  if (grads.length === 0) return 0;
  let total = 0;
  for (const g of grads)
    for (const v of g) total = normType === Infinity ? Math.max(total, Math.abs(v)) : total + Math.abs(v) ** normType;
  if (normType !== Infinity) total = total ** (1 / normType);
  const coefficient = Math.min(1, maxNorm / (total + 1e-6));
  for (const g of grads) g.forEach((v, i) => (g[i] = v * coefficient));
  return total;
}
