import { assertNever } from '../assert-never.js';
import type { Tensor } from '../tensor.js';
import { softplus } from './activations.js';
import { log, mul, neg, pow, sub } from './elementwise.js';
import { mean } from './reduce.js';

/**
 * The generator objectives (each minimised by the generator):
 * - `minimax`: mean log(1 − D(G(z))), the original, saturating objective;
 * - `non-saturating`: mean −log D(G(z));
 * - `least-squares`: mean ½(D(G(z)) − 1)² (LSGAN with target c = 1; D's raw output);
 * - `wasserstein`: −mean critic(G(z)) (WGAN; raw critic scores).
 */
export type GanGeneratorLossKind = 'minimax' | 'non-saturating' | 'least-squares' | 'wasserstein';

/** Options of `ganGeneratorLoss`. */
export interface GanGeneratorLossOptions {
  /**
   * For `minimax` and `non-saturating`: whether the scores are D's logits (default; D(G(z)) = σ(logit), computed
   * stably) or probabilities D(G(z)) in (0, 1). `least-squares` and `wasserstein` always take raw scores.
   */
  readonly inputs?: 'logits' | 'probabilities';
}

/**
 * The generator's loss given the discriminator's (or critic's) outputs on generated samples.
 *
 * @example
 * ```ts
 * const logits = tensor([0.3, -1.2], { requiresGrad: true });
 * ganGeneratorLoss(logits, 'non-saturating').backward(); // logits.grad = (σ(l) − 1) / 2
 * ```
 */
export function ganGeneratorLoss(
  scores: Tensor,
  kind: GanGeneratorLossKind,
  { inputs = 'logits' }: GanGeneratorLossOptions = {},
): Tensor {
  const probabilities = inputs === 'probabilities';
  switch (kind) {
    case 'minimax':
      // log(1 − σ(l)) = −softplus(l)
      return mean(probabilities ? log(sub(1, scores)) : neg(softplus(scores)));
    case 'non-saturating':
      // −log σ(l) = softplus(−l)
      return mean(probabilities ? neg(log(scores)) : softplus(neg(scores)));
    case 'least-squares':
      return mean(mul(pow(sub(scores, 1), 2), 0.5));
    case 'wasserstein':
      return neg(mean(scores));
    default:
      return assertNever(kind);
  }
}
