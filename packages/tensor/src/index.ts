/**
 * @examforge/tensor: float64 tensors with numpy broadcasting and reverse-mode autograd, and the deep-learning
 * operations exam questions ask about, with PyTorch semantics. No dependencies, no IO.
 */
export { TensorError, type TensorErrorCode, formatShape } from './errors.js';
export { Tensor, noGrad, type NestedArray, type TensorOptions } from './tensor.js';
export { tensor, fromFlat, zeros, ones, full, arange, randn, rand, type TensorLike } from './creation.js';
export type { Operand } from './ops/operand.js';
export {
  add,
  sub,
  mul,
  div,
  pow,
  neg,
  exp,
  log,
  sqrt,
  abs,
  clamp,
  maximum,
  minimum,
  xlogy,
  type ClampOptions,
} from './ops/elementwise.js';
export {
  sum,
  mean,
  variance,
  max,
  min,
  argmax,
  type ReduceOptions,
  type VarianceOptions,
  type ValuesAndIndices,
} from './ops/reduce.js';
export {
  reshape,
  view,
  flatten,
  squeeze,
  unsqueeze,
  permute,
  transpose,
  expand,
  slice,
  narrow,
  select,
  gather,
  cat,
  stack,
  chunk,
  type SliceOptions,
} from './ops/views.js';
export { matmul, bmm, linear } from './ops/matmul.js';
export { einsum } from './ops/einsum.js';
