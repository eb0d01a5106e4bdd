import { describe, expect, it } from 'vitest';
import * as T from './index.js';
import { TensorError, type TensorErrorCode, ones, tensor, zeros } from './index.js';

const cases: [string, () => unknown, TensorErrorCode, string][] = [
  [
    'conv2d channels',
    () => T.conv2d(zeros([1, 3, 8, 8]), zeros([8, 4, 3, 3])),
    'shape',
    'conv2d: input has 3 channels but weight expects 4 (weight [8,4,3,3], groups=1)',
  ],
  [
    'conv2d grouped channels',
    () => T.conv2d(zeros([1, 6, 8, 8]), zeros([8, 2, 3, 3]), undefined, { groups: 2 }),
    'shape',
    'conv2d: input has 6 channels but weight expects 4 (weight [8,2,3,3], groups=2)',
  ],
  [
    'conv2d groups vs out channels',
    () => T.conv2d(zeros([1, 6, 8, 8]), zeros([8, 2, 3, 3]), undefined, { groups: 3 }),
    'shape',
    'conv2d: output channels (8) must be divisible by groups=3 (weight [8,2,3,3])',
  ],
  [
    'conv2d input rank',
    () => T.conv2d(zeros([3, 8]), zeros([8, 3, 3, 3])),
    'shape',
    'conv2d: input must be 3-D [C,H,W] or 4-D [N,C,H,W], got [3,8]',
  ],
  [
    'conv2d weight rank',
    () => T.conv2d(zeros([1, 3, 8, 8]), zeros([8, 3, 3])),
    'shape',
    'conv2d: weight must be 4-D [outChannels, inChannels/groups, kH, kW], got [8,3,3]',
  ],
  [
    'conv2d bias',
    () => T.conv2d(zeros([1, 3, 8, 8]), zeros([8, 3, 3, 3]), zeros([4])),
    'shape',
    'conv2d: bias [4] should be [8] (one per output channel)',
  ],
  [
    'conv2d kernel too large',
    () => T.conv2d(zeros([1, 1, 2, 2]), zeros([1, 1, 3, 3])),
    'shape',
    'conv2d: input [1,1,2,2] (padding 0x0) is smaller than the kernel 3x3 with dilation 1x1; the output would be 0x0',
  ],
  [
    'conv2d same with stride',
    () => T.conv2d(zeros([1, 1, 4, 4]), zeros([1, 1, 3, 3]), undefined, { padding: 'same', stride: 2 }),
    'argument',
    "conv2d: padding='same' needs stride 1",
  ],
  [
    'convTranspose2d channels',
    () => T.convTranspose2d(zeros([1, 3, 4, 4]), zeros([4, 2, 3, 3])),
    'shape',
    'convTranspose2d: input has 3 channels but weight expects 4 (weight [4,2,3,3] is [inChannels, outChannels/groups, kH, kW])',
  ],
  [
    'convTranspose2d output padding',
    () => T.convTranspose2d(zeros([1, 2, 4, 4]), zeros([2, 2, 3, 3]), undefined, { stride: 2, outputPadding: 2 }),
    'shape',
    'convTranspose2d: outputPadding 2x2 must be smaller than either stride 2x2 or dilation 1x1',
  ],
  [
    'maxPool2d padding',
    () => T.maxPool2d(zeros([1, 1, 8, 8]), { kernelSize: 2, padding: 2 }),
    'argument',
    'maxPool2d: padding 2x2 should be at most half of the kernel size 2x2',
  ],
  [
    'maxPool2d too small',
    () => T.maxPool2d(zeros([1, 1, 2, 2]), { kernelSize: 3 }),
    'shape',
    'maxPool2d: input [1,1,2,2] is smaller than the kernel 3x3 (dilation 1x1, padding 0x0); the output would be 0x0',
  ],
  [
    'maxUnpool2d indices',
    () => T.maxUnpool2d(zeros([1, 1, 2, 2]), zeros([1, 1, 2, 3]), { kernelSize: 2 }),
    'shape',
    'maxUnpool2d: indices [1,1,2,3] must have the shape of the input [1,1,2,2]',
  ],
  [
    'add broadcasting',
    () => T.add(zeros([2, 3]), zeros([4])),
    'shape',
    'add: shapes [2,3] and [4] do not broadcast (dimension -1: 3 vs 4; sizes must be equal or 1)',
  ],
  [
    'matmul inner',
    () => T.matmul(zeros([2, 3]), zeros([4, 5])),
    'shape',
    'matmul: shapes [2,3] and [4,5] cannot be multiplied (2x3 and 4x5; inner sizes must match)',
  ],
  [
    'bmm batch',
    () => T.bmm(zeros([2, 3, 4]), zeros([3, 4, 5])),
    'shape',
    'bmm: batch sizes differ: [2,3,4] and [3,4,5] (no broadcasting in bmm)',
  ],
  [
    'linear features',
    () => T.linear(zeros([5, 3]), zeros([2, 4])),
    'shape',
    'linear: input [5,3] has 3 features but weight [2,4] expects 4 (weight is [out, in])',
  ],
  [
    'einsum label sizes',
    () => T.einsum('ij,jk->ik', zeros([2, 3]), zeros([4, 5])),
    'shape',
    "einsum: subscript 'j' has size 3 in an earlier operand but 4 in operand 1 (shape [4,5]); sizes must match or be 1",
  ],
  [
    'einsum rank',
    () => T.einsum('ijk->i', zeros([2, 3])),
    'shape',
    "einsum: operand 0 has 2 dimensions but subscripts 'ijk' name 3",
  ],
  [
    'einsum output label',
    () => T.einsum('ij->iz', zeros([2, 3])),
    'argument',
    "einsum: output subscript 'z' does not appear in any operand",
  ],
  [
    'reshape',
    () => T.reshape(zeros([2, 3]), [4, -1]),
    'shape',
    'reshape: shape [4,-1] is invalid for input of size 6 (shape [2,3])',
  ],
  [
    'softmax mask',
    () => T.softmax(zeros([2, 3]), 1, { mask: ones([2, 2]) }),
    'shape',
    'softmax: shapes [2,3] and [2,2] do not broadcast (dimension -1: 3 vs 2; sizes must be equal or 1)',
  ],
  [
    'softmax dim',
    () => T.softmax(zeros([2, 3]), 2),
    'shape',
    'softmax: dimension 2 is out of range for a tensor with 2 dimensions',
  ],
  [
    'batchNorm weight',
    () => T.batchNorm(zeros([4, 3]), zeros([3]), ones([3]), ones([2])),
    'shape',
    'batchNorm: weight [2] should be [3] (one per channel)',
  ],
  [
    'batchNorm one value',
    () => T.batchNorm(zeros([1, 3]), null, null, null, null, { training: true }),
    'shape',
    'batchNorm: expected more than 1 value per channel when training, got input [1,3]',
  ],
  [
    'layerNorm shape',
    () => T.layerNorm(zeros([2, 3, 4]), [3]),
    'shape',
    'layerNorm: normalizedShape [3] must match the trailing dimensions of the input [2,3,4]',
  ],
  [
    'lstmCell weights',
    () => T.lstmCell(zeros([1, 3]), zeros([1, 2]), zeros([1, 2]), zeros([6, 3]), zeros([8, 2])),
    'shape',
    'lstmCell: weights [6,3] and [8,2] should be [4·2, inputSize] and [4·2, 2] for hidden state [1,2]',
  ],
  [
    'lstmCell input',
    () => T.lstmCell(zeros([1, 4]), zeros([1, 2]), zeros([1, 2]), zeros([8, 3]), zeros([8, 2])),
    'shape',
    'lstmCell: input [1,4] has 4 features but weightIh [8,3] expects 3',
  ],
  [
    'mseLoss',
    () => T.mseLoss(zeros([3]), zeros([4])),
    'shape',
    'mseLoss: input [3] and target [4] must have the same shape',
  ],
  [
    'crossEntropy target',
    () => T.crossEntropy(zeros([4, 10]), zeros([3])),
    'shape',
    'crossEntropy: target [3] should be [4] (class indices) or [4,10] (probabilities) for input [4,10]',
  ],
  [
    'crossEntropy class',
    () => T.crossEntropy(zeros([1, 10]), tensor([12])),
    'argument',
    'crossEntropy: target 12 is out of range for 10 classes',
  ],
  [
    'klDivergence',
    () => T.klDivergence(ones([3]), ones([4])),
    'shape',
    'klDivergence: p [3] and q [4] must be distributions of the same shape',
  ],
  ['dropout p', () => T.dropout(zeros([3]), { p: 1.5 }), 'argument', 'dropout: p must be in [0, 1], got 1.5'],
  [
    'backward non-scalar',
    () => T.mul(zeros([3], { requiresGrad: true }), 2).backward(),
    'autograd',
    'backward: grad can be implicitly created only for scalar outputs; pass a gradient of shape [3]',
  ],
  [
    'conv2dOutputSize',
    () => T.conv2dOutputSize({ inputSize: 2, kernelSize: 5 }),
    'argument',
    'conv2dOutputSize: the output would be -2x-2; the (dilated) kernel does not fit the padded input',
  ],
  [
    'conv2dParameters groups',
    () => T.conv2dParameters({ inChannels: 3, outChannels: 8, kernelSize: 3, groups: 2 }),
    'argument',
    'conv2dParameters: inChannels 3 and outChannels 8 must both be divisible by groups=2',
  ],
];

describe('shape errors name the operation, the shapes and the rule', () => {
  it.each(cases)('%s', (_, call, code, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TensorError);
    expect((thrown as TensorError).message).toBe(message);
    expect((thrown as TensorError).code).toBe(code);
  });
});
