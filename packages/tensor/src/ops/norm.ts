import { argumentError, formatShape, shapeError } from '../errors.js';
import { type Tensor, noGrad } from '../tensor.js';
import { add, div, mul, sqrt, sub } from './elementwise.js';
import { mean, variance } from './reduce.js';
import { reshape } from './views.js';

/** Options of `batchNorm`, as torch.nn.functional.batch_norm. */
export interface BatchNormOptions {
  /** Normalise with the batch's statistics and update the running ones (default false: use the running ones). */
  readonly training?: boolean;
  /** running = (1 − momentum)·running + momentum·batch statistic (default 0.1). */
  readonly momentum?: number;
  readonly eps?: number;
}

function checkPerChannel(op: string, name: string, t: Tensor | null | undefined, channels: number): void {
  if (t && (t.ndim !== 1 || t.shape[0] !== channels)) {
    throw shapeError(op, `${name} ${formatShape(t.shape)} should be [${channels}] (one per channel)`);
  }
}

/**
 * Batch normalisation over [N, C, ...] per channel C. In training mode the batch mean and biased variance normalise,
 * and `runningMean` / `runningVar` (when given) are updated in place — the variance with Bessel's correction,
 * as torch does. In evaluation mode the running statistics normalise. `weight` (γ) and `bias` (β) are [C].
 *
 * @example
 * ```ts
 * const rm = zeros([3]);
 * const rv = ones([3]);
 * const y = batchNorm(x, rm, rv, gamma, beta, { training: true }); // rm, rv now moved 10 % towards the batch
 * ```
 */
export function batchNorm(
  x: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  weight?: Tensor | null,
  bias?: Tensor | null,
  { training = false, momentum = 0.1, eps = 1e-5 }: BatchNormOptions = {},
): Tensor {
  const op = 'batchNorm';
  if (x.ndim < 2)
    throw shapeError(op, `input must be [N, C, ...] with at least 2 dimensions, got ${formatShape(x.shape)}`);
  const channels = x.shape[1] ?? 1;
  for (const [name, t] of [
    ['runningMean', runningMean],
    ['runningVar', runningVar],
    ['weight', weight],
    ['bias', bias],
  ] as const) {
    checkPerChannel(op, name, t, channels);
  }
  const perChannel = x.shape.map((d, i) => (i === 1 ? d : 1));
  const dims = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const count = x.numel / channels;
  let centre: Tensor;
  let spread: Tensor;
  if (training) {
    if (count <= 1)
      throw shapeError(op, `expected more than 1 value per channel when training, got input ${formatShape(x.shape)}`);
    centre = mean(x, dims, { keepdim: true });
    spread = variance(x, dims, { keepdim: true, unbiased: false });
    noGrad(() => updateRunning(runningMean, runningVar, centre, spread, momentum, count));
  } else {
    if (!runningMean || !runningVar)
      throw argumentError(op, 'runningMean and runningVar are required in evaluation mode (training: false)');
    centre = reshape(runningMean.detach(), perChannel);
    spread = reshape(runningVar.detach(), perChannel);
  }
  let y = div(sub(x, centre), sqrt(add(spread, eps)));
  if (weight) y = mul(y, reshape(weight, perChannel));
  if (bias) y = add(y, reshape(bias, perChannel));
  return y;
}

function updateRunning(
  rm: Tensor | null,
  rv: Tensor | null,
  centre: Tensor,
  spread: Tensor,
  momentum: number,
  count: number,
): void {
  const correction = count / (count - 1);
  rm?.data.forEach((v, c) => (rm.data[c] = (1 - momentum) * v + momentum * (centre.data[c] ?? 0)));
  rv?.data.forEach((v, c) => (rv.data[c] = (1 - momentum) * v + momentum * (spread.data[c] ?? 0) * correction));
}

/** Options of `layerNorm`. */
export interface LayerNormOptions {
  readonly eps?: number;
}

/**
 * Layer normalisation over the trailing dimensions `normalizedShape` (biased variance), then the elementwise
 * affine `weight`, `bias` of shape `normalizedShape`, as torch.nn.functional.layer_norm.
 *
 * @example
 * ```ts
 * layerNorm(x, [x.shape[x.ndim - 1] ?? 1], gamma, beta); // per-token normalisation of [B, T, D]
 * ```
 */
export function layerNorm(
  x: Tensor,
  normalizedShape: number | readonly number[],
  weight?: Tensor | null,
  bias?: Tensor | null,
  { eps = 1e-5 }: LayerNormOptions = {},
): Tensor {
  const op = 'layerNorm';
  const shape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
  const tail = x.shape.slice(x.ndim - shape.length);
  if (shape.length === 0 || shape.length > x.ndim || tail.some((d, i) => d !== shape[i])) {
    throw shapeError(
      op,
      `normalizedShape ${formatShape(shape)} must match the trailing dimensions of the input ${formatShape(x.shape)}`,
    );
  }
  for (const [name, t] of [
    ['weight', weight],
    ['bias', bias],
  ] as const) {
    if (t && (t.ndim !== shape.length || t.shape.some((d, i) => d !== shape[i]))) {
      throw shapeError(op, `${name} ${formatShape(t.shape)} should be ${formatShape(shape)} (the normalized shape)`);
    }
  }
  const dims = shape.map((_, i) => x.ndim - shape.length + i);
  const centred = sub(x, mean(x, dims, { keepdim: true }));
  let y = div(centred, sqrt(add(variance(x, dims, { keepdim: true, unbiased: false }), eps)));
  if (weight) y = mul(y, weight);
  if (bias) y = add(y, bias);
  return y;
}
