import { argumentError, formatShape, shapeError } from '../errors.js';
import { type Pair, pair, slidingLength, transposedLength } from '../sizes.js';
import { Tensor, fromOp } from '../tensor.js';
import { batched } from './conv-common.js';

/** Options of `maxPool2d`, as torch.nn.functional.max_pool2d. */
export interface MaxPool2dOptions {
  readonly kernelSize: Pair;
  /** Defaults to the kernel size. */
  readonly stride?: Pair;
  /** Implicit −∞ padding on each side; at most half the kernel size. */
  readonly padding?: Pair;
  readonly dilation?: Pair;
  readonly ceilMode?: boolean;
  readonly returnIndices?: boolean;
}

/** A pooled tensor and, per output, the flat position `row · W + column` of its maximum in the input plane. */
export interface PooledWithIndices {
  readonly output: Tensor;
  /** Same shape as `output`; float64 integers (this package has one dtype). */
  readonly indices: Tensor;
}

/**
 * 2-D max pooling over [N, C, H, W] (or [C, H, W]). With `returnIndices: true` returns `{ output, indices }` for
 * `maxUnpool2d`. The gradient goes to the first maximum of each window (torch's tie rule).
 *
 * @example
 * ```ts
 * maxPool2d(x, { kernelSize: 2 }); // halves H and W
 * const { output, indices } = maxPool2d(x, { kernelSize: 2, returnIndices: true });
 * ```
 */
export function maxPool2d(
  input: Tensor,
  options: MaxPool2dOptions & { readonly returnIndices: true },
): PooledWithIndices;
export function maxPool2d(input: Tensor, options: MaxPool2dOptions): Tensor;
export function maxPool2d(input: Tensor, options: MaxPool2dOptions): Tensor | PooledWithIndices {
  const op = 'maxPool2d';
  const { x, restore } = batched(op, input);
  const kernel = pair(op, 'kernelSize', options.kernelSize, 1);
  const stride = pair(op, 'stride', options.stride ?? options.kernelSize, 1);
  const padding = pair(op, 'padding', options.padding ?? 0, 0);
  const dilation = pair(op, 'dilation', options.dilation ?? 1, 1);
  if (padding.some((p, i) => p > (kernel[i] ?? 1) / 2)) {
    throw argumentError(
      op,
      `padding ${padding.join('x')} should be at most half of the kernel size ${kernel.join('x')}`,
    );
  }
  const [n = 1, c = 1, h = 1, w = 1] = x.shape;
  const oh = slidingLength(h, kernel[0], stride[0], padding[0], dilation[0], options.ceilMode);
  const ow = slidingLength(w, kernel[1], stride[1], padding[1], dilation[1], options.ceilMode);
  if (oh <= 0 || ow <= 0)
    throw shapeError(
      op,
      `input ${formatShape(input.shape)} is smaller than the kernel ${kernel.join('x')} (dilation ${dilation.join('x')}, padding ${padding.join('x')}); the output would be ${oh}x${ow}`,
    );
  const out = new Float64Array(n * c * oh * ow);
  const where = new Int32Array(out.length);
  const indices = new Float64Array(out.length);
  for (let plane = 0; plane < n * c; plane++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++) {
        let best = -Infinity;
        let at = -1;
        for (let p = 0; p < kernel[0]; p++) {
          const r = i * stride[0] - padding[0] + p * dilation[0];
          if (r < 0 || r >= h) continue;
          for (let q = 0; q < kernel[1]; q++) {
            const s = j * stride[1] - padding[1] + q * dilation[1];
            if (s < 0 || s >= w) continue;
            const v = x.data[plane * h * w + r * w + s] ?? 0;
            if (at < 0 || v > best || Number.isNaN(v)) [best, at] = [v, r * w + s];
          }
        }
        const o = (plane * oh + i) * ow + j;
        out[o] = best;
        indices[o] = at;
        where[o] = plane * h * w + at;
      }
  const y = fromOp(op, out, [n, c, oh, ow], [x], (g) => {
    const gx = new Float64Array(x.numel);
    where.forEach((src, o) => (gx[src] = (gx[src] ?? 0) + (g[o] ?? 0)));
    return [gx];
  });
  const output = restore(y);
  return options.returnIndices === true ? { output, indices: new Tensor(indices, output.shape) } : output;
}

/** Options of `maxUnpool2d`, as torch.nn.functional.max_unpool2d. */
export interface MaxUnpool2dOptions {
  readonly kernelSize: Pair;
  /** Defaults to the kernel size. */
  readonly stride?: Pair;
  readonly padding?: Pair;
  /** The output's spatial size ([H, W] or a full shape whose last two sizes are used); default (in − 1)·s − 2p + k. */
  readonly outputSize?: readonly number[];
}

/**
 * The partial inverse of `maxPool2d`: each value goes back to the position its index names; every other position
 * is zero.
 *
 * @example
 * ```ts
 * const { output, indices } = maxPool2d(x, { kernelSize: 2, returnIndices: true });
 * maxUnpool2d(output, indices, { kernelSize: 2, outputSize: x.shape });
 * ```
 */
export function maxUnpool2d(input: Tensor, indices: Tensor, options: MaxUnpool2dOptions): Tensor {
  const op = 'maxUnpool2d';
  const { x, restore } = batched(op, input);
  if (indices.ndim !== input.ndim || indices.shape.some((d, i) => d !== input.shape[i])) {
    throw shapeError(
      op,
      `indices ${formatShape(indices.shape)} must have the shape of the input ${formatShape(input.shape)}`,
    );
  }
  const kernel = pair(op, 'kernelSize', options.kernelSize, 1);
  const stride = pair(op, 'stride', options.stride ?? options.kernelSize, 1);
  const padding = pair(op, 'padding', options.padding ?? 0, 0);
  const [n = 1, c = 1, h = 1, w = 1] = x.shape;
  const given = options.outputSize?.slice(-2);
  const [oh = 1, ow = 1] =
    given ??
    [0, 1].map((i) => transposedLength(i === 0 ? h : w, kernel[i] ?? 1, stride[i] ?? 1, padding[i] ?? 0, 1, 0));
  const out = new Float64Array(n * c * oh * ow);
  const target = new Int32Array(x.numel);
  x.data.forEach((v, k) => {
    const at = indices.data[k] ?? -1;
    if (!Number.isInteger(at) || at < 0 || at >= oh * ow) {
      throw shapeError(
        op,
        `index ${at} is outside the ${oh}x${ow} output (input ${formatShape(input.shape)}, outputSize ${given ? formatShape(given) : 'default'})`,
      );
    }
    target[k] = Math.floor(k / (h * w)) * oh * ow + at;
    out[target[k] ?? 0] = v;
  });
  const y = fromOp(op, out, [n, c, oh, ow], [x], (g) => [Float64Array.from(target, (t) => g[t] ?? 0)]);
  return restore(y);
}
