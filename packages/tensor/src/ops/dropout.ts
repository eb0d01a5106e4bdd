import { argumentError, formatShape, shapeError } from '../errors.js';
import { createRng } from '../random.js';
import { Tensor } from '../tensor.js';
import { mul } from './elementwise.js';

/** Options of `dropout`. */
export interface DropoutOptions {
  /** Probability of zeroing an element (default 0.5). */
  readonly p?: number;
  /** Off: the input is returned unchanged (default true, as the functional torch.nn.functional.dropout). */
  readonly training?: boolean;
  /** Seed of the keep mask (default 0). The mask is reproducible here but differs from torch's generator. */
  readonly seed?: number;
  /** A given keep mask (1 keep, 0 drop) of the input's shape, instead of drawing one, e.g. to match torch. */
  readonly mask?: Tensor;
}

/**
 * Inverted dropout: each element is kept with probability 1 − p and scaled by 1 / (1 − p), so the expectation
 * is unchanged; p = 1 zeroes everything.
 *
 * @example
 * ```ts
 * dropout(x, { p: 0.2, seed: 7 });
 * dropout(x, { p: 0.5, mask: tensor([1, 0, 1, 1]) }); // [2x₀, 0, 2x₂, 2x₃]
 * ```
 */
export function dropout(x: Tensor, { p = 0.5, training = true, seed = 0, mask }: DropoutOptions = {}): Tensor {
  if (!(p >= 0 && p <= 1)) throw argumentError('dropout', `p must be in [0, 1], got ${p}`);
  if (!training || p === 0) return x;
  if (mask && (mask.ndim !== x.ndim || mask.shape.some((d, i) => d !== x.shape[i]))) {
    throw shapeError('dropout', `mask ${formatShape(mask.shape)} must have the input's shape ${formatShape(x.shape)}`);
  }
  const rng = createRng(seed);
  const keep = mask?.data ?? Float64Array.from({ length: x.numel }, () => (rng() >= p ? 1 : 0));
  const scale = p === 1 ? 0 : 1 / (1 - p);
  return mul(
    x,
    new Tensor(
      keep.map((k) => (k !== 0 ? scale : 0)),
      x.shape,
    ),
  );
}
