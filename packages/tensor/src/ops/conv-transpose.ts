import { formatShape, shapeError } from '../errors.js';
import { type Pair, pair, transposedLength } from '../sizes.js';
import { type Tensor, fromOp } from '../tensor.js';
import { batched, checkBias, checkGroups, dims4 } from './conv-common.js';

/** Options of `convTranspose2d`, as torch.nn.functional.conv_transpose2d. */
export interface ConvTranspose2dOptions {
  readonly stride?: Pair;
  /** Removed from each side of the full output (dilation·(k−1) − padding zeros pad the input implicitly). */
  readonly padding?: Pair;
  /** Extra rows / columns added on one side of the output; must be smaller than stride or dilation. */
  readonly outputPadding?: Pair;
  readonly dilation?: Pair;
  readonly groups?: number;
}

/**
 * 2-D transposed convolution (the gradient of conv2d with respect to its input; torch conv_transpose2d): input
 * [N, C, H, W] (or [C, H, W]), weight [C, outChannels / groups, kH, kW], optional bias [outChannels]. Output size
 * (H − 1)·stride − 2·padding + dilation·(kH − 1) + outputPadding + 1.
 *
 * @example
 * ```ts
 * convTranspose2d(randn([1, 8, 4, 4], 1), randn([8, 3, 3, 3], 2), undefined, { stride: 2, padding: 1, outputPadding: 1 }); // [1, 3, 8, 8]
 * ```
 */
export function convTranspose2d(
  input: Tensor,
  weight: Tensor,
  bias?: Tensor,
  options: ConvTranspose2dOptions = {},
): Tensor {
  const op = 'convTranspose2d';
  const { x, restore } = batched(op, input);
  if (weight.ndim !== 4)
    throw shapeError(
      op,
      `weight must be 4-D [inChannels, outChannels/groups, kH, kW], got ${formatShape(weight.shape)}`,
    );
  const groups = options.groups ?? 1;
  const { n, c, h, w, kh, kw } = dims4(x, weight);
  const [wc = 1, og = 1] = weight.shape;
  if (c !== wc)
    throw shapeError(
      op,
      `input has ${c} channels but weight expects ${wc} (weight ${formatShape(weight.shape)} is [inChannels, outChannels/groups, kH, kW])`,
    );
  checkGroups(op, groups, c, 'input channels', weight);
  const outC = og * groups;
  checkBias(op, bias, outC);
  const stride = pair(op, 'stride', options.stride ?? 1, 1);
  const padding = pair(op, 'padding', options.padding ?? 0, 0);
  const dilation = pair(op, 'dilation', options.dilation ?? 1, 1);
  const extra = pair(op, 'outputPadding', options.outputPadding ?? 0, 0);
  if (extra.some((e, i) => e >= Math.max(stride[i] ?? 1, dilation[i] ?? 1))) {
    throw shapeError(
      op,
      `outputPadding ${extra.join('x')} must be smaller than either stride ${stride.join('x')} or dilation ${dilation.join('x')}`,
    );
  }
  const oh = transposedLength(h, kh, stride[0], padding[0], dilation[0], extra[0]);
  const ow = transposedLength(w, kw, stride[1], padding[1], dilation[1], extra[1]);
  if (oh <= 0 || ow <= 0)
    throw shapeError(
      op,
      `input ${formatShape(input.shape)} with padding ${padding.join('x')} gives an empty output ${oh}x${ow}`,
    );
  const cg = c / groups;
  const visit = (f: (o: number, wi: number, xi: number) => void): void => {
    for (let b = 0; b < n; b++)
      for (let ic = 0; ic < c; ic++) {
        const g = Math.floor(ic / cg);
        for (let k = 0; k < og; k++) {
          const oc = g * og + k;
          for (let i = 0; i < h; i++)
            for (let j = 0; j < w; j++) {
              const xi = ((b * c + ic) * h + i) * w + j;
              for (let p = 0; p < kh; p++) {
                const r = i * stride[0] - padding[0] + p * dilation[0];
                if (r < 0 || r >= oh) continue;
                for (let q = 0; q < kw; q++) {
                  const s = j * stride[1] - padding[1] + q * dilation[1];
                  if (s >= 0 && s < ow) f(((b * outC + oc) * oh + r) * ow + s, ((ic * og + k) * kh + p) * kw + q, xi);
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
