import { formatShape, shapeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { reshape } from './views.js';

/** Accept torch's unbatched [C, H, W] input by adding a batch of one; `restore` removes it again. */
export function batched(op: string, input: Tensor): { x: Tensor; restore: (y: Tensor) => Tensor } {
  if (input.ndim === 4) return { x: input, restore: (y) => y };
  if (input.ndim === 3) return { x: reshape(input, [1, ...input.shape]), restore: (y) => reshape(y, y.shape.slice(1)) };
  throw shapeError(op, `input must be 3-D [C,H,W] or 4-D [N,C,H,W], got ${formatShape(input.shape)}`);
}

export function checkGroups(op: string, groups: number, channels: number, what: string, weight: Tensor): void {
  if (!Number.isInteger(groups) || groups < 1) throw shapeError(op, `groups must be a positive integer, got ${groups}`);
  if (channels % groups !== 0) {
    throw shapeError(
      op,
      `${what} (${channels}) must be divisible by groups=${groups} (weight ${formatShape(weight.shape)})`,
    );
  }
}

export function checkBias(op: string, bias: Tensor | undefined, channels: number): void {
  if (bias !== undefined && (bias.ndim !== 1 || bias.shape[0] !== channels)) {
    throw shapeError(op, `bias ${formatShape(bias.shape)} should be [${channels}] (one per output channel)`);
  }
}

export function dims4(
  x: Tensor,
  weight: Tensor,
): { n: number; c: number; h: number; w: number; kh: number; kw: number } {
  const [n = 1, c = 1, h = 1, w = 1] = x.shape;
  const [, , kh = 1, kw = 1] = weight.shape;
  return { n, c, h, w, kh, kw };
}
