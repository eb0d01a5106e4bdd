import type { Tensor } from '../tensor.js';
import { unaryOp } from './unary.js';

/**
 * max(0, x); the gradient at 0 is 0, as in torch.
 *
 * @example
 * ```ts
 * relu(tensor([-1, 0, 2])).toArray(); // [0, 0, 2]
 * ```
 */
export function relu(x: Tensor): Tensor {
  return unaryOp(
    'relu',
    x,
    (v) => (v > 0 ? v : 0),
    (v) => (v > 0 ? 1 : 0),
  );
}

/**
 * x for x > 0, `negativeSlope`·x otherwise.
 *
 * @example
 * ```ts
 * leakyRelu(x, 0.2);
 * ```
 */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  return unaryOp(
    'leakyRelu',
    x,
    (v) => (v > 0 ? v : negativeSlope * v),
    (v) => (v > 0 ? 1 : negativeSlope),
  );
}

/** 1 / (1 + e^−v), without overflow for large |v|. */
export function logistic(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/**
 * σ(x) = 1 / (1 + e^−x); σ' = σ(1 − σ).
 *
 * @example
 * ```ts
 * sigmoid(tensor([0])).item(); // 0.5
 * ```
 */
export function sigmoid(x: Tensor): Tensor {
  return unaryOp('sigmoid', x, logistic, (_, y) => y * (1 - y));
}

/**
 * Hyperbolic tangent; tanh' = 1 − tanh².
 *
 * @example
 * ```ts
 * tanh(tensor([0])).item(); // 0
 * ```
 */
export function tanh(x: Tensor): Tensor {
  return unaryOp('tanh', x, Math.tanh, (_, y) => 1 - y * y);
}

/**
 * log(1 + eˣ), computed stably (no threshold, unlike torch's default `threshold=20`, which differs by < 3e-9);
 * its derivative is σ(x).
 *
 * @example
 * ```ts
 * softplus(tensor([0])).item(); // ln 2
 * ```
 */
export function softplus(x: Tensor): Tensor {
  return unaryOp(
    'softplus',
    x,
    (v) => Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))),
    (v) => logistic(v),
  );
}
