import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as T from '../index.js';
import type { Tensor } from '../index.js';

/** A tensor as the generator writes it: shape and flat values, non-finite ones as strings. */
export interface EncodedTensor {
  readonly shape: number[];
  readonly data: (number | 'nan' | 'inf' | '-inf')[];
}

/** One PyTorch reference case (see fixtures/generate.py). */
export interface TorchCase {
  readonly op: string;
  readonly id: string;
  readonly inputs: Record<string, EncodedTensor>;
  readonly params: Record<string, any>;
  readonly outputs: Record<string, EncodedTensor>;
  readonly gradOutputs: Record<string, EncodedTensor>;
  readonly grads: Record<string, EncodedTensor>;
}

export function loadTorchCases(): { torch: string; cases: TorchCase[] } {
  const path = fileURLToPath(new URL('../../fixtures/torch-cases.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function decodeValues(t: EncodedTensor): Float64Array {
  return Float64Array.from(t.data, (v) =>
    v === 'nan' ? Number.NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v,
  );
}

export function decode(t: EncodedTensor, requiresGrad = false): Tensor {
  return T.fromFlat(decodeValues(t), t.shape, { requiresGrad });
}

type Inputs = Record<string, Tensor>;
type Runner = (x: Inputs, p: Record<string, any>) => Record<string, Tensor>;

const out = (t: Tensor): Record<string, Tensor> => ({ out: t });
const binary =
  (f: (a: Tensor, b: Tensor) => Tensor): Runner =>
  (x) =>
    out(f(x.a!, x.b!));
const unary =
  (f: (a: Tensor) => Tensor): Runner =>
  (x) =>
    out(f(x.x!));
const orUndefined = <V>(v: V | null): V | undefined => v ?? undefined;

/** How each fixture op is called through our API, given the case's inputs and params. */
export const runners: Record<string, Runner> = {
  add: binary(T.add),
  sub: binary(T.sub),
  mul: binary(T.mul),
  div: binary(T.div),
  pow: binary(T.pow),
  maximum: binary(T.maximum),
  minimum: binary(T.minimum),
  xlogy: binary(T.xlogy),
  neg: unary(T.neg),
  exp: unary(T.exp),
  log: unary(T.log),
  sqrt: unary(T.sqrt),
  abs: unary(T.abs),
  relu: unary(T.relu),
  sigmoid: unary(T.sigmoid),
  tanh: unary(T.tanh),
  softplus: unary(T.softplus),
  leakyRelu: unary((x) => T.leakyRelu(x, 0.2)),
  clamp: unary((x) => T.clamp(x, { min: -0.5, max: 0.7 })),
  sum: (x, p) => out(T.sum(x.x!, orUndefined(p.dim), { keepdim: p.keepdim })),
  mean: (x, p) => out(T.mean(x.x!, orUndefined(p.dim), { keepdim: p.keepdim })),
  variance: (x, p) => out(T.variance(x.x!, orUndefined(p.dim), { keepdim: p.keepdim })),
  max: (x, p) => (p.dim === null ? { values: T.max(x.x!) } : { ...T.max(x.x!, p.dim, { keepdim: p.keepdim }) }),
  min: (x, p) => (p.dim === null ? { values: T.min(x.x!) } : { ...T.min(x.x!, p.dim, { keepdim: p.keepdim }) }),
  permute: (x, p) => out(T.permute(x.x!, p.dims)),
  transpose: (x, p) => out(T.transpose(x.x!, p.dim0, p.dim1)),
  reshape: (x, p) => out(T.reshape(x.x!, p.shape)),
  slice: (x, p) => out(T.slice(x.x!, p.dim, p)),
  expand: (x, p) => out(T.expand(x.x!, p.shape)),
  gather: (x, p) => out(T.gather(x.x!, p.dim, x.index!)),
  cat: (x, p) => out(T.cat([x.a!, x.b!], p.dim)),
  stack: (x, p) => out(T.stack([x.a!, x.b!], p.dim)),
  matmul: binary(T.matmul),
  bmm: binary(T.bmm),
  linear: (x) => out(T.linear(x.x!, x.weight!, x.bias)),
  einsum: (x, p) =>
    out(
      T.einsum(
        p.equation,
        ...Object.keys(x)
          .sort()
          .map((k) => x[k]!),
      ),
    ),
  conv2d: (x, p) => out(T.conv2d(x.input!, x.weight!, x.bias, p)),
  convTranspose2d: (x, p) => out(T.convTranspose2d(x.input!, x.weight!, x.bias, p)),
  maxPool2d: (x, p) => {
    const options = { kernelSize: p.kernelSize, padding: p.padding, dilation: p.dilation, ceilMode: p.ceilMode };
    const { output, indices } = T.maxPool2d(x.x!, { ...options, stride: orUndefined(p.stride), returnIndices: true });
    return { output, indices };
  },
  maxUnpool2d: (x, p) =>
    out(
      T.maxUnpool2d(x.input!, x.indices!, {
        kernelSize: p.kernelSize,
        padding: p.padding,
        stride: orUndefined(p.stride),
        outputSize: orUndefined(p.outputSize),
      }),
    ),
  softmax: (x, p) => out(T.softmax(x.x!, p.dim, { mask: x.mask })),
  logSoftmax: (x, p) => out(T.logSoftmax(x.x!, p.dim, { mask: x.mask })),
  batchNorm: (x, p) => {
    const y = T.batchNorm(x.x!, x.runningMean!, x.runningVar!, x.weight, x.bias, p);
    return { out: y, runningMean: x.runningMean!, runningVar: x.runningVar! };
  },
  layerNorm: (x, p) => out(T.layerNorm(x.x!, p.normalizedShape, x.weight, x.bias, p)),
  dropout: (x, p) => out(T.dropout(x.x!, { p: p.p, mask: x.mask })),
  lstmCell: (x) => ({ ...T.lstmCell(x.x!, x.h!, x.c!, x.weightIh!, x.weightHh!, x.biasIh, x.biasHh) }),
  mseLoss: (x, p) => out(T.mseLoss(x.input!, x.target!, p)),
  bceLoss: (x, p) => out(T.bceLoss(x.input!, x.target!, p)),
  bceWithLogitsLoss: (x, p) => out(T.bceWithLogitsLoss(x.input!, x.target!, { ...p, posWeight: x.posWeight })),
  crossEntropy: (x, p) => out(T.crossEntropy(x.logits!, x.target!, { ...p, weight: x.weight })),
  ganGeneratorLoss: (x, p) => out(T.ganGeneratorLoss(x.scores!, p.kind, { inputs: p.inputs })),
  klDivergence: (x, p) => out(T.klDivergence(x.p!, x.q!, { base: p.base })),
  jsDivergence: (x, p) => out(T.jsDivergence(x.p!, x.q!, { base: p.base })),
  clipGradNorm: (x, p) => {
    const params = [T.zeros(x.g0!.shape), T.zeros(x.g1!.shape)];
    params[0]!.grad = x.g0!.detach();
    params[1]!.grad = x.g1!.detach();
    const total = T.clipGradNorm(params, p.maxNorm, p.normType === 'inf' ? Infinity : p.normType);
    return { totalNorm: T.tensor(total), g0: params[0]!.grad, g1: params[1]!.grad };
  },
};
