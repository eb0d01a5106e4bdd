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
export { conv2d, type Conv2dOptions } from './ops/conv.js';
export { convTranspose2d, type ConvTranspose2dOptions } from './ops/conv-transpose.js';
export {
  maxPool2d,
  maxUnpool2d,
  type MaxPool2dOptions,
  type MaxUnpool2dOptions,
  type PooledWithIndices,
} from './ops/pool.js';
export { relu, leakyRelu, sigmoid, tanh, softplus } from './ops/activations.js';
export { softmax, logSoftmax, type SoftmaxOptions } from './ops/softmax.js';
export { batchNorm, layerNorm, type BatchNormOptions, type LayerNormOptions } from './ops/norm.js';
export { dropout, type DropoutOptions } from './ops/dropout.js';
export { lstmCell, type LstmState } from './ops/lstm.js';
export {
  mseLoss,
  bceLoss,
  bceWithLogitsLoss,
  crossEntropy,
  nllLoss,
  type Reduction,
  type LossOptions,
  type BceOptions,
  type BceWithLogitsOptions,
  type CrossEntropyOptions,
} from './ops/losses.js';
export { ganGeneratorLoss, type GanGeneratorLossKind, type GanGeneratorLossOptions } from './ops/gan.js';
export { klDivergence, jsDivergence, type DivergenceOptions } from './ops/divergence.js';
export { clipGradNorm } from './utils/clip-grad-norm.js';
export { wasserstein1d } from './utils/wasserstein1d.js';
export {
  conv2dOutputSize,
  convTranspose2dOutputSize,
  pool2dOutputSize,
  conv2dParameters,
  depthwiseSeparableParameters,
  type Pair,
  type Conv2dGeometry,
  type ConvTranspose2dGeometry,
  type Pool2dGeometry,
  type Conv2dLayer,
  type DepthwiseSeparableLayer,
} from './sizes.js';
