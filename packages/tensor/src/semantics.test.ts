import { describe, expect, it } from 'vitest';
import * as T from './index.js';
import { tensor } from './index.js';

describe('autograd semantics', () => {
  it('accumulates gradients over backward calls, as torch', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    T.sum(T.mul(x, x)).backward();
    T.sum(T.mul(x, x)).backward();
    expect(x.grad?.toArray()).toEqual([4, 8]);
  });

  it('takes the vector of a vector–Jacobian product for a non-scalar output', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    T.mul(x, 3).backward(tensor([1, 0, 2]));
    expect(x.grad?.toArray()).toEqual([3, 0, 6]);
  });

  it('keeps gradients of non-leaves only when asked, and records nothing under noGrad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = T.mul(x, 2).retainGrad();
    const y = T.mul(x, 2);
    T.sum(T.add(T.mul(h, h), y)).backward();
    expect(h.grad?.toArray()).toEqual([4, 8]);
    expect(y.grad).toBeNull();
    expect(T.noGrad(() => T.mul(x, 2)).requiresGrad).toBe(false);
  });

  it('detach cuts the graph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(T.mul(x.detach(), 2).requiresGrad).toBe(false);
  });
});

describe('operations', () => {
  it('softmax with a mask gives masked positions 0 and an all-masked row all zeros', () => {
    const p = T.softmax(
      tensor([
        [1, 2, 3],
        [1, 2, 3],
      ]),
      1,
      {
        mask: tensor([
          [1, 1, 0],
          [0, 0, 0],
        ]),
      },
    );
    const e = Math.exp(1);
    const expected = [1 / (1 + e), e / (1 + e), 0, 0, 0, 0];
    p.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 15));
    const lp = T.logSoftmax(tensor([[0, 0]]), 1, { mask: tensor([[true, false]]) });
    expect(lp.toArray()).toEqual([[0, -Infinity]]);
  });

  it('einsum orders an implicit output alphabetically and supports traces', () => {
    expect(
      T.einsum(
        'ba',
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).shape,
    ).toEqual([3, 2]);
    expect(
      T.einsum(
        'ii',
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ).item(),
    ).toBe(5);
  });

  it('batchNorm in training updates the running statistics with the unbiased variance', () => {
    const mean = T.zeros([1]);
    const variance = T.ones([1]);
    T.batchNorm(tensor([[1], [3]]), mean, variance, null, null, { training: true, momentum: 0.5 });
    expect(mean.toArray()).toEqual([1]); // 0.5·0 + 0.5·2
    expect(variance.toArray()).toEqual([1.5]); // 0.5·1 + 0.5·2 (unbiased variance of 1, 3)
  });

  it('dropout is reproducible per seed and scales kept values by 1/(1−p)', () => {
    const x = T.ones([1000]);
    const a = T.dropout(x, { p: 0.25, seed: 3 });
    expect(a.toArray()).toEqual(T.dropout(x, { p: 0.25, seed: 3 }).toArray());
    expect(new Set(a.data)).toEqual(new Set([0, 4 / 3]));
    expect(T.dropout(x, { p: 0.25, training: false })).toBe(x);
  });

  it('randn and rand are reproducible per seed', () => {
    expect(T.randn([5], 1).toArray()).toEqual(T.randn([5], 1).toArray());
    expect(T.randn([5], 1).toArray()).not.toEqual(T.randn([5], 2).toArray());
    expect(T.rand([100], 4).data.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it('max pooling indices address the input plane and unpooling puts values back', () => {
    const x = T.reshape(T.arange(16), [1, 1, 4, 4]);
    const { output, indices } = T.maxPool2d(x, { kernelSize: 2, returnIndices: true });
    expect(output.toArray()).toEqual([
      [
        [
          [5, 7],
          [13, 15],
        ],
      ],
    ]);
    expect(indices.toArray()).toEqual([
      [
        [
          [5, 7],
          [13, 15],
        ],
      ],
    ]);
    expect(T.sum(T.maxUnpool2d(output, indices, { kernelSize: 2 })).item()).toBe(40);
  });

  it('the non-saturating generator loss has gradient (σ(l) − 1)/n on logits', () => {
    const l = tensor([0.3, -1.2], { requiresGrad: true });
    T.ganGeneratorLoss(l, 'non-saturating').backward();
    const sigma = (v: number) => 1 / (1 + Math.exp(-v));
    expect(l.grad?.data[0]).toBeCloseTo((sigma(0.3) - 1) / 2, 15);
    expect(l.grad?.data[1]).toBeCloseTo((sigma(-1.2) - 1) / 2, 15);
  });

  it('clipGradNorm returns the norm before clipping and scales gradients to maxNorm', () => {
    const w = T.zeros([2]);
    w.grad = tensor([3, 4]);
    expect(T.clipGradNorm([w], 1)).toBe(5);
    expect(Math.hypot(...w.grad.data)).toBeCloseTo(1, 5);
  });

  it('divergences in bits', () => {
    expect(T.jsDivergence(tensor([1, 0]), tensor([0, 1]), { base: 2 }).item()).toBeCloseTo(1, 15);
    expect(T.klDivergence(tensor([0.5, 0.5]), tensor([0.5, 0.5])).item()).toBe(0);
  });
});

describe('wasserstein1d matches scipy.stats.wasserstein_distance (its documented examples)', () => {
  it.each([
    [[0, 1, 3], [5, 6, 8], undefined, undefined, 5],
    [[0, 1], [0, 1], [3, 1], [2, 2], 0.25],
    [[3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5], 4.0781331438047861],
  ])('%j vs %j', (u, v, uw, vw, expected) => {
    expect(T.wasserstein1d(u, v, uw, vw)).toBeCloseTo(expected, 12);
  });

  it('equals the mean gap between sorted samples of equal size', () => {
    expect(T.wasserstein1d(tensor([3, 1, 2]), [2, 6, 4])).toBeCloseTo((1 + 2 + 3) / 3, 14);
  });
});

describe('sizes and parameter counts', () => {
  it.each([
    [{ inputSize: 32, kernelSize: 3, dilation: 2, padding: 1 }, [30, 30]],
    [{ inputSize: [7, 9] as [number, number], kernelSize: 3, stride: 2 }, [3, 4]],
    [{ inputSize: 5, kernelSize: 3, padding: 1 }, [5, 5]],
  ])('conv2dOutputSize %j', (g, expected) => expect(T.conv2dOutputSize(g)).toEqual(expected));

  it('transposed convolution and pooling sizes', () => {
    expect(
      T.convTranspose2dOutputSize({ inputSize: 4, kernelSize: 3, stride: 2, padding: 1, outputPadding: 1 }),
    ).toEqual([8, 8]);
    expect(T.pool2dOutputSize({ inputSize: 7, kernelSize: 2 })).toEqual([3, 3]);
    expect(T.pool2dOutputSize({ inputSize: 7, kernelSize: 2, ceilMode: true })).toEqual([4, 4]);
  });

  it('agree with the shapes the operations produce', () => {
    const y = T.convTranspose2d(T.zeros([1, 2, 4, 5]), T.zeros([2, 3, 3, 2]), undefined, {
      stride: [2, 3],
      padding: 1,
      outputPadding: [1, 2],
    });
    expect(y.shape.slice(2)).toEqual(
      T.convTranspose2dOutputSize({
        inputSize: [4, 5],
        kernelSize: [3, 2],
        stride: [2, 3],
        padding: 1,
        outputPadding: [1, 2],
      }),
    );
  });

  it('parameter counts: standard, grouped, depthwise, depthwise-separable', () => {
    expect(T.conv2dParameters({ inChannels: 3, outChannels: 64, kernelSize: 3 })).toBe(1792);
    expect(T.conv2dParameters({ inChannels: 8, outChannels: 16, kernelSize: 3, groups: 4, bias: false })).toBe(288);
    expect(T.conv2dParameters({ inChannels: 32, outChannels: 32, kernelSize: 3, groups: 32, bias: false })).toBe(288);
    expect(T.depthwiseSeparableParameters({ inChannels: 32, outChannels: 64, kernelSize: 3, bias: false })).toBe(
      288 + 2048,
    );
    expect(T.depthwiseSeparableParameters({ inChannels: 32, outChannels: 64, kernelSize: 3 })).toBe(
      288 + 32 + 2048 + 64,
    );
  });
});
