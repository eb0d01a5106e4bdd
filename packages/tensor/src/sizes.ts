import { argumentError } from './errors.js';

/** A size for both spatial dimensions, or `[height, width]`. */
export type Pair = number | readonly [number, number];

export function pair(op: string, name: string, value: Pair, minimum: number): [number, number] {
  const [h, w] = typeof value === 'number' ? [value, value] : value;
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < minimum || w < minimum) {
    throw argumentError(op, `${name} must be an integer ≥ ${minimum} (or a pair of them), got ${String(value)}`);
  }
  return [h, w];
}

/** floor((in + 2p − d·(k−1) − 1) / s) + 1: the output length of a convolution or pooling window. */
export function slidingLength(
  input: number,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
  ceilMode = false,
): number {
  const span = input + 2 * padding - dilation * (kernel - 1) - 1;
  const round = ceilMode ? Math.ceil : Math.floor;
  let out = round(span / stride) + 1;
  // torch: with ceil mode the last window must start inside the input or its left padding.
  if (ceilMode && (out - 1) * stride >= input + padding) out -= 1;
  return out;
}

/** (in − 1)·s − 2p + d·(k − 1) + outputPadding + 1: the output length of a transposed convolution. */
export function transposedLength(
  input: number,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
  outputPadding: number,
): number {
  return (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
}

/** Geometry of a 2-D convolution or pooling window. */
export interface Conv2dGeometry {
  /** Input height and width (or one number for a square input). */
  readonly inputSize: Pair;
  readonly kernelSize: Pair;
  readonly stride?: Pair;
  readonly padding?: Pair;
  readonly dilation?: Pair;
}

function spatial(op: string, geometry: Conv2dGeometry, defaultStride: Pair) {
  return {
    input: pair(op, 'inputSize', geometry.inputSize, 1),
    kernel: pair(op, 'kernelSize', geometry.kernelSize, 1),
    stride: pair(op, 'stride', geometry.stride ?? defaultStride, 1),
    padding: pair(op, 'padding', geometry.padding ?? 0, 0),
    dilation: pair(op, 'dilation', geometry.dilation ?? 1, 1),
  };
}

function positive(op: string, size: [number, number]): [number, number] {
  if (size[0] <= 0 || size[1] <= 0)
    throw argumentError(
      op,
      `the output would be ${size[0]}x${size[1]}; the (dilated) kernel does not fit the padded input`,
    );
  return size;
}

/**
 * Output `[height, width]` of `conv2d`: ⌊(in + 2p − d(k−1) − 1)/s⌋ + 1 per dimension.
 *
 * @example
 * ```ts
 * conv2dOutputSize({ inputSize: 32, kernelSize: 3, dilation: 2, padding: 1 }); // [30, 30]
 * ```
 */
export function conv2dOutputSize(geometry: Conv2dGeometry): [number, number] {
  const g = spatial('conv2dOutputSize', geometry, 1);
  return positive(
    'conv2dOutputSize',
    [0, 1].map((i) =>
      slidingLength(g.input[i] ?? 0, g.kernel[i] ?? 0, g.stride[i] ?? 1, g.padding[i] ?? 0, g.dilation[i] ?? 1),
    ) as [number, number],
  );
}

/** Geometry of a 2-D transposed convolution. */
export interface ConvTranspose2dGeometry extends Conv2dGeometry {
  readonly outputPadding?: Pair;
}

/**
 * Output `[height, width]` of `convTranspose2d`: (in − 1)s − 2p + d(k − 1) + outputPadding + 1.
 *
 * @example
 * ```ts
 * convTranspose2dOutputSize({ inputSize: 4, kernelSize: 3, stride: 2, padding: 1, outputPadding: 1 }); // [8, 8]
 * ```
 */
export function convTranspose2dOutputSize(geometry: ConvTranspose2dGeometry): [number, number] {
  const op = 'convTranspose2dOutputSize';
  const g = spatial(op, geometry, 1);
  const extra = pair(op, 'outputPadding', geometry.outputPadding ?? 0, 0);
  return positive(
    op,
    [0, 1].map((i) =>
      transposedLength(
        g.input[i] ?? 0,
        g.kernel[i] ?? 0,
        g.stride[i] ?? 1,
        g.padding[i] ?? 0,
        g.dilation[i] ?? 1,
        extra[i] ?? 0,
      ),
    ) as [number, number],
  );
}

/** Geometry of a 2-D pooling window; the stride defaults to the kernel size, as in torch. */
export interface Pool2dGeometry extends Conv2dGeometry {
  readonly ceilMode?: boolean;
}

/**
 * Output `[height, width]` of `maxPool2d` (and average pooling): the convolution formula with stride defaulting to
 * the kernel size and torch's ceil-mode rule.
 *
 * @example
 * ```ts
 * pool2dOutputSize({ inputSize: [7, 7], kernelSize: 2 }); // [3, 3]
 * pool2dOutputSize({ inputSize: 7, kernelSize: 2, ceilMode: true }); // [4, 4]
 * ```
 */
export function pool2dOutputSize(geometry: Pool2dGeometry): [number, number] {
  const g = spatial('pool2dOutputSize', geometry, geometry.kernelSize);
  return positive(
    'pool2dOutputSize',
    [0, 1].map((i) =>
      slidingLength(
        g.input[i] ?? 0,
        g.kernel[i] ?? 0,
        g.stride[i] ?? 1,
        g.padding[i] ?? 0,
        g.dilation[i] ?? 1,
        geometry.ceilMode,
      ),
    ) as [number, number],
  );
}

/** A convolution layer's channel configuration, for parameter counts. */
export interface Conv2dLayer {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: Pair;
  readonly groups?: number;
  /** Count one bias per output channel (default true, as torch.nn.Conv2d). */
  readonly bias?: boolean;
}

/**
 * Learnable parameters of a `Conv2d`: outChannels · (inChannels / groups) · kH · kW, plus outChannels for the bias.
 *
 * @example
 * ```ts
 * conv2dParameters({ inChannels: 3, outChannels: 64, kernelSize: 3 }); // 1792
 * conv2dParameters({ inChannels: 32, outChannels: 32, kernelSize: 3, groups: 32, bias: false }); // 288 (depthwise)
 * ```
 */
export function conv2dParameters({
  inChannels,
  outChannels,
  kernelSize,
  groups = 1,
  bias = true,
}: Conv2dLayer): number {
  const op = 'conv2dParameters';
  const [kh, kw] = pair(op, 'kernelSize', kernelSize, 1);
  if (!Number.isInteger(groups) || groups < 1 || inChannels % groups !== 0 || outChannels % groups !== 0) {
    throw argumentError(
      op,
      `inChannels ${inChannels} and outChannels ${outChannels} must both be divisible by groups=${groups}`,
    );
  }
  return outChannels * (inChannels / groups) * kh * kw + (bias ? outChannels : 0);
}

/** A depthwise-separable block: a depthwise k×k convolution then a pointwise 1×1 convolution. */
export interface DepthwiseSeparableLayer {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: Pair;
  /** Depthwise output channels per input channel (default 1). */
  readonly depthMultiplier?: number;
  /** Count biases on both convolutions (default true, as two torch.nn.Conv2d layers). */
  readonly bias?: boolean;
}

/**
 * Learnable parameters of a depthwise-separable convolution: depthwise (groups = inChannels, inChannels ·
 * multiplier filters of k×k) plus pointwise (1×1 from inChannels · multiplier to outChannels), biases included
 * unless `bias: false`.
 *
 * @example
 * ```ts
 * depthwiseSeparableParameters({ inChannels: 32, outChannels: 64, kernelSize: 3, bias: false }); // 288 + 2048 = 2336
 * ```
 */
export function depthwiseSeparableParameters({
  inChannels,
  outChannels,
  kernelSize,
  depthMultiplier = 1,
  bias = true,
}: DepthwiseSeparableLayer): number {
  const mid = inChannels * depthMultiplier;
  return (
    conv2dParameters({ inChannels, outChannels: mid, kernelSize, groups: inChannels, bias }) +
    conv2dParameters({ inChannels: mid, outChannels, kernelSize: 1, bias })
  );
}
