import { argumentError, formatShape, shapeError } from '../errors.js';
import { sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { softplus } from './activations.js';
import { add, clamp, div, log, mul, neg, pow, sub } from './elementwise.js';
import { mean, sum } from './reduce.js';
import { logSoftmax } from './softmax.js';
import { gather, reshape } from './views.js';

/** How per-element losses are combined, as torch's `reduction`. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options shared by the losses. */
export interface LossOptions {
  /** Default `'mean'`. */
  readonly reduction?: Reduction;
}

export function reduce(losses: Tensor, reduction: Reduction): Tensor {
  switch (reduction) {
    case 'mean':
      return mean(losses);
    case 'sum':
      return sum(losses);
    case 'none':
      return losses;
  }
}

function sameShapes(op: string, input: Tensor, target: Tensor): void {
  if (!sameShape(input.shape, target.shape)) {
    throw shapeError(
      op,
      `input ${formatShape(input.shape)} and target ${formatShape(target.shape)} must have the same shape`,
    );
  }
}

/**
 * Mean squared error (torch mse_loss): (input − target)², reduced. Shapes must be equal (torch would broadcast
 * with a warning).
 *
 * @example
 * ```ts
 * mseLoss(prediction, target).item();
 * ```
 */
export function mseLoss(input: Tensor, target: Tensor, { reduction = 'mean' }: LossOptions = {}): Tensor {
  sameShapes('mseLoss', input, target);
  return reduce(pow(sub(input, target), 2), reduction);
}

/** Options of the binary cross-entropy losses. */
export interface BceOptions extends LossOptions {
  /** A per-element rescaling weight, broadcast against the input. */
  readonly weight?: Tensor;
}

/**
 * Binary cross-entropy on probabilities (torch binary_cross_entropy): −[y·log p + (1 − y)·log(1 − p)], each log
 * clamped at −100 as torch does.
 *
 * @example
 * ```ts
 * bceLoss(sigmoid(logits), labels);
 * ```
 */
export function bceLoss(input: Tensor, target: Tensor, { reduction = 'mean', weight }: BceOptions = {}): Tensor {
  sameShapes('bceLoss', input, target);
  const logP = clamp(log(input), { min: -100 });
  const logQ = clamp(log(sub(1, input)), { min: -100 });
  const losses = neg(add(mul(target, logP), mul(sub(1, target), logQ)));
  return reduce(weight ? mul(losses, weight) : losses, reduction);
}

/** Options of `bceWithLogitsLoss`. */
export interface BceWithLogitsOptions extends BceOptions {
  /** Weight of positive examples, broadcast along the last (class) dimension. */
  readonly posWeight?: Tensor;
}

/**
 * Binary cross-entropy on logits, stable for large |x| (torch binary_cross_entropy_with_logits):
 * (1 − y)·x + (1 + (posWeight − 1)·y)·softplus(−x).
 *
 * @example
 * ```ts
 * bceWithLogitsLoss(logits, labels, { reduction: 'sum' });
 * ```
 */
export function bceWithLogitsLoss(
  input: Tensor,
  target: Tensor,
  { reduction = 'mean', weight, posWeight }: BceWithLogitsOptions = {},
): Tensor {
  sameShapes('bceWithLogitsLoss', input, target);
  const scale = posWeight ? add(1, mul(sub(posWeight, 1), target)) : 1;
  const losses = add(mul(sub(1, target), input), mul(scale, softplus(neg(input))));
  return reduce(weight ? mul(losses, weight) : losses, reduction);
}

/** Options of `crossEntropy` and `nllLoss`. */
export interface CrossEntropyOptions extends LossOptions {
  /** A weight per class, [C]. With `'mean'` the sum is divided by the summed weights of the targets, as torch. */
  readonly weight?: Tensor;
  /** Targets with this class index contribute nothing (default −100, as torch). */
  readonly ignoreIndex?: number;
}

/**
 * Cross-entropy between logits and classes (torch cross_entropy): logits [N, C] (or [C], or [N, C, d…]) and
 * either class indices [N] (or [], or [N, d…]) or class probabilities of the logits' shape.
 *
 * @example
 * ```ts
 * crossEntropy(tensor([[2, 1, 0.1]]), tensor([0])).item(); // ≈ 0.417
 * ```
 */
export function crossEntropy(logits: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  if (logits.ndim === 0) throw shapeError('crossEntropy', 'logits must have a class dimension, got a scalar');
  const classDim = logits.ndim === 1 ? 0 : 1;
  const logProbs = logSoftmax(logits, classDim);
  if (!sameShape(target.shape, logits.shape)) return pickedLoss('crossEntropy', logProbs, target, options);
  const classes = logits.shape[classDim] ?? 1;
  const w = options.weight
    ? reshape(
        options.weight,
        logits.shape.map((d, i) => (i === classDim ? d : 1)),
      )
    : null;
  checkClassWeight('crossEntropy', options.weight, classes);
  const weighted = w ? mul(mul(target, logProbs), w) : mul(target, logProbs);
  return reduce(neg(sum(weighted, classDim)), options.reduction ?? 'mean');
}

function checkClassWeight(op: string, weight: Tensor | undefined, classes: number): void {
  if (weight && (weight.ndim !== 1 || weight.shape[0] !== classes)) {
    throw shapeError(op, `weight ${formatShape(weight.shape)} should be [${classes}] (one per class)`);
  }
}

/**
 * Negative log-likelihood of class indices given log-probabilities (torch nll_loss); `crossEntropy` is
 * `nllLoss(logSoftmax(logits, 1), target)`.
 *
 * @example
 * ```ts
 * nllLoss(logSoftmax(logits, 1), tensor([2, 0]));
 * ```
 */
export function nllLoss(logProbs: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  return pickedLoss('nllLoss', logProbs, target, options);
}

function pickedLoss(op: string, logProbs: Tensor, target: Tensor, options: CrossEntropyOptions): Tensor {
  const { reduction = 'mean', weight, ignoreIndex = -100 } = options;
  const classDim = logProbs.ndim === 1 ? 0 : 1;
  const classes = logProbs.shape[classDim] ?? 1;
  const expected = logProbs.shape.filter((_, i) => i !== classDim);
  if (!sameShape(target.shape, expected)) {
    throw shapeError(
      op,
      `target ${formatShape(target.shape)} should be ${formatShape(expected)} (class indices) or ${formatShape(logProbs.shape)} (probabilities) for input ${formatShape(logProbs.shape)}`,
    );
  }
  checkClassWeight(op, weight, classes);
  const picks = target.data.map((t) => {
    if (t === ignoreIndex) return 0;
    if (!Number.isInteger(t) || t < 0 || t >= classes)
      throw argumentError(op, `target ${t} is out of range for ${classes} classes`);
    return t;
  });
  const w = target.data.map((t, i) => (t === ignoreIndex ? 0 : (weight?.data[picks[i] ?? 0] ?? 1)));
  const indexShape = logProbs.shape.map((d, i) => (i === classDim ? 1 : d));
  const picked = reshape(gather(logProbs, classDim, new Tensor(picks, indexShape)), target.shape);
  const losses = neg(mul(picked, new Tensor(w, target.shape)));
  if (reduction !== 'mean') return reduce(losses, reduction);
  return div(
    sum(losses),
    w.reduce((a, b) => a + b, 0),
  );
}
