import { type Tensor, fromOp } from '../tensor.js';

/**
 * The primitive behind every copy-with-rearrangement (permute, slice, expand, gather, ...): `out[k] = x[src[k]]`;
 * its backward adds each output gradient back at its source, so repeated sources (expand) sum.
 */
export function takeFlat(name: string, x: Tensor, shape: readonly number[], src: Int32Array): Tensor {
  const out = new Float64Array(src.length);
  for (let k = 0; k < src.length; k++) out[k] = x.data[src[k] ?? 0] ?? 0;
  return fromOp(name, out, shape, [x], (g) => {
    const gx = new Float64Array(x.numel);
    for (let k = 0; k < src.length; k++) {
      const s = src[k] ?? 0;
      gx[s] = (gx[s] ?? 0) + (g[k] ?? 0);
    }
    return [gx];
  });
}
