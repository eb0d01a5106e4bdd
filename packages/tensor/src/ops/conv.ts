import { argumentError, formatShape, shapeError } from '../errors.js';
import { type Pair, pair, slidingLength } from '../sizes.js';
import { type Tensor, fromOp } from '../tensor.js';
import { batched, checkBias, checkGroups, dims4 } from './conv-common.js';

/** Options of `conv2d`, as torch.nn.functional.conv2d. */
export interface Conv2dOptions {
  readonly stride?: Pair;
  /** Zero padding on each side, or `'valid'` (none) or `'same'` (output size = input size; stride 1 only). */
  readonly padding?: Pair | 'valid' | 'same';
  readonly dilation?: Pair;
  /** Channels are split into this many independent groups; groups = inChannels is a depthwise convolution. */
  readonly groups?: number;
}

interface Geometry {
  readonly stride: [number, number];
  readonly dilation: [number, number];
  /** Padding before the first row / column (the `'same'` padding may be one larger after). */
  readonly before: [number, number];
  readonly out: [number, number];
}

function geometry(
  op: string,
  input: readonly [number, number],
  kernel: readonly [number, number],
  options: Conv2dOptions,
): Geometry {
  const stride = pair(op, 'stride', options.stride ?? 1, 1);
  const dilation = pair(op, 'dilation', options.dilation ?? 1, 1);
  const padding = options.padding ?? 0;
  if (padding === 'same' && (stride[0] !== 1 || stride[1] !== 1))
    throw argumentError(op, "padding='same' needs stride 1");
  if (padding === 'same') {
    const before = [0, 1].map((i) => Math.floor(((dilation[i] ?? 1) * ((kernel[i] ?? 1) - 1)) / 2)) as [number, number];
    return { stride, dilation, before, out: [input[0], input[1]] };
  }
  const p = padding === 'valid' ? ([0, 0] as [number, number]) : pair(op, 'padding', padding, 0);
  const out = [0, 1].map((i) =>
    slidingLength(input[i] ?? 0, kernel[i] ?? 1, stride[i] ?? 1, p[i] ?? 0, dilation[i] ?? 1),
  ) as [number, number];
  return { stride, dilation, before: p, out };
}

/**
 * 2-D cross-correlation (torch.nn.functional.conv2d): input [N, C, H, W] (or unbatched [C, H, W]), weight
 * [outChannels, C / groups, kH, kW], optional bias [outChannels].
 *
 * @example
 * ```ts
 * const y = conv2d(randn([1, 3, 8, 8], 1), randn([16, 3, 3, 3], 2), undefined, { padding: 1 }); // [1, 16, 8, 8]
 * const depthwise = conv2d(x, randn([32, 1, 3, 3], 3), undefined, { groups: 32 });
 * ```
 */
export function conv2d(input: Tensor, weight: Tensor, bias?: Tensor, options: Conv2dOptions = {}): Tensor {
  const op = 'conv2d';
  const { x, restore } = batched(op, input);
  if (weight.ndim !== 4)
    throw shapeError(
      op,
      `weight must be 4-D [outChannels, inChannels/groups, kH, kW], got ${formatShape(weight.shape)}`,
    );
  const groups = options.groups ?? 1;
  const { n, c, h, w, kh, kw } = dims4(x, weight);
  const [outC = 1, cg = 1] = weight.shape;
  checkGroups(op, groups, outC, 'output channels', weight);
  if (c !== cg * groups) {
    throw shapeError(
      op,
      `input has ${c} channels but weight expects ${cg * groups} (weight ${formatShape(weight.shape)}, groups=${groups})`,
    );
  }
  checkBias(op, bias, outC);
  const geo = geometry(op, [h, w], [kh, kw], options);
  const [oh, ow] = geo.out;
  if (oh <= 0 || ow <= 0) {
    throw shapeError(
      op,
      `input ${formatShape(input.shape)} (padding ${geo.before.join('x')}) is smaller than the kernel ${kh}x${kw} with dilation ${geo.dilation.join('x')}; the output would be ${oh}x${ow}`,
    );
  }
  const og = outC / groups;
  // One loop nest visits every (output, weight, input) triple; forward and backward differ only in what they add.
  const visit = (f: (o: number, wi: number, xi: number) => void): void => {
    for (let b = 0; b < n; b++)
      for (let oc = 0; oc < outC; oc++) {
        const g = Math.floor(oc / og);
        for (let ic = 0; ic < cg; ic++) {
          const xc = (b * c + g * cg + ic) * h;
          const wc = (oc * cg + ic) * kh;
          for (let i = 0; i < oh; i++)
            for (let j = 0; j < ow; j++) {
              const o = ((b * outC + oc) * oh + i) * ow + j;
              for (let p = 0; p < kh; p++) {
                const r = i * geo.stride[0] - geo.before[0] + p * geo.dilation[0];
                if (r < 0 || r >= h) continue;
                for (let q = 0; q < kw; q++) {
                  const s = j * geo.stride[1] - geo.before[1] + q * geo.dilation[1];
                  if (s >= 0 && s < w) f(o, (wc + p) * kw + q, (xc + r) * w + s);
                }
              }
            }
        }
      }
  };
  const out = new Float64Array(n * outC * oh * ow);
  const bd = bias?.data;
  if (bd) out.forEach((_, o) => (out[o] = bd[Math.floor(o / (oh * ow)) % outC] ?? 0));
  const xd = x.data;
  const wd = weight.data;
  visit((o, wi, xi) => (out[o] = (out[o] ?? 0) + (wd[wi] ?? 0) * (xd[xi] ?? 0)));
  const inputs = bias ? [x, weight, bias] : [x, weight];
  const y = fromOp(op, out, [n, outC, oh, ow], inputs, (g, needs) => {
    const gx = needs[0] === true ? new Float64Array(x.numel) : null;
    const gw = needs[1] === true ? new Float64Array(weight.numel) : null;
    visit((o, wi, xi) => {
      const go = g[o] ?? 0;
      if (gx) gx[xi] = (gx[xi] ?? 0) + go * (wd[wi] ?? 0);
      if (gw) gw[wi] = (gw[wi] ?? 0) + go * (xd[xi] ?? 0);
    });
    const gb = needs[2] === true ? new Float64Array(outC) : null;
    if (gb)
      g.forEach((go, o) => (gb[Math.floor(o / (oh * ow)) % outC] = (gb[Math.floor(o / (oh * ow)) % outC] ?? 0) + go));
    return [gx, gw, gb];
  });
  return restore(y);
}
