import { formatShape, shapeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { sigmoid, tanh } from './activations.js';
import { add, mul } from './elementwise.js';
import { linear } from './matmul.js';
import { chunk } from './views.js';

/** The state an LSTM cell passes on: hidden state `h` and cell (memory) state `c`. */
export interface LstmState {
  readonly h: Tensor;
  readonly c: Tensor;
}

/**
 * One LSTM step (torch.nn.LSTMCell): gates = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh split in torch's order
 * i, f, g, o; c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c'). x is [B, inputSize] or [inputSize]; h, c are
 * [B, hidden] or [hidden]; weightIh [4·hidden, inputSize], weightHh [4·hidden, hidden].
 *
 * @example
 * ```ts
 * const { h, c } = lstmCell(x, h0, c0, wIh, wHh, bIh, bHh);
 * ```
 */
export function lstmCell(
  x: Tensor,
  h: Tensor,
  c: Tensor,
  weightIh: Tensor,
  weightHh: Tensor,
  biasIh?: Tensor | null,
  biasHh?: Tensor | null,
): LstmState {
  const op = 'lstmCell';
  const hidden = h.shape[h.ndim - 1] ?? 0;
  if (
    weightIh.ndim !== 2 ||
    weightIh.shape[0] !== 4 * hidden ||
    weightHh.ndim !== 2 ||
    weightHh.shape[0] !== 4 * hidden ||
    weightHh.shape[1] !== hidden
  ) {
    throw shapeError(
      op,
      `weights ${formatShape(weightIh.shape)} and ${formatShape(weightHh.shape)} should be [4·${hidden}, inputSize] and [4·${hidden}, ${hidden}] for hidden state ${formatShape(h.shape)}`,
    );
  }
  if (x.shape[x.ndim - 1] !== weightIh.shape[1]) {
    throw shapeError(
      op,
      `input ${formatShape(x.shape)} has ${x.shape[x.ndim - 1]} features but weightIh ${formatShape(weightIh.shape)} expects ${weightIh.shape[1]}`,
    );
  }
  if (
    h.ndim !== x.ndim ||
    c.ndim !== h.ndim ||
    h.shape.some((d, i) => d !== c.shape[i]) ||
    (x.ndim === 2 && x.shape[0] !== h.shape[0])
  ) {
    throw shapeError(
      op,
      `input ${formatShape(x.shape)}, h ${formatShape(h.shape)} and c ${formatShape(c.shape)} disagree (batch sizes must match; h and c have one shape)`,
    );
  }
  const gates = add(linear(x, weightIh, biasIh ?? undefined), linear(h, weightHh, biasHh ?? undefined));
  const [i, f, g, o] = chunk(gates, 4, -1) as [Tensor, Tensor, Tensor, Tensor];
  const cNext = add(mul(sigmoid(f), c), mul(sigmoid(i), tanh(g)));
  return { h: mul(sigmoid(o), tanh(cNext)), c: cNext };
}
