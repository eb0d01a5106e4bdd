import { readFileSync } from 'node:fs';
import { parseExam } from '@examforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Computed } from './computed.js';
import { runChecks, type CheckResult } from './run-checks.js';
import {
  batchNormLetters,
  groupConvLetters,
  perceptronLetters,
  reparameterisedGradients,
  universalApproximationResiduals,
} from './test-support/bundled-exam-derivations.js';

/**
 * Every check of the bundled exam, held to a value derived here by hand (the derivation is in the comment), never to
 * the marked key: where the key and the derivation part, verify's verdict is a finding, and this test pins that too.
 */
const text = readFileSync(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url), 'utf8');
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** ∂/∂w (σ(wx + b) − y)² = 2(σ − y)·σ(1 − σ)·x by the chain rule, at the check's three points. */
const sigmoidLossGradients = [
  [0.7, -1.3, 0.4, 1],
  [-0.2, 2.5, -0.9, 0],
  [1.1, 0.6, 0.3, 0.25],
].map(([w = 0, x = 0, b = 0, y = 0]) => {
  const s = sigmoid(w * x + b);
  return 2 * (s - y) * s * (1 - s) * x;
});

/** y = tanh(1.5x) + x, L = (y − ½)²: dL/dx = 2(y − ½)(1 + 1.5·sech²(1.5x)). */
const residualGradients = [0.3, -0.8, 1.7].map((x) => {
  const y = Math.tanh(1.5 * x) + x;
  return 2 * (y - 0.5) * (1 + 1.5 * (1 - Math.tanh(1.5 * x) ** 2));
});

interface Expected {
  readonly value?: (computed: Computed) => void;
  readonly matched: readonly string[];
  readonly verdict: CheckResult['verdict'];
}

/** The computed value itself, also when the check returned `matchOptions(value, …)`. */
const valueOf = (computed: Computed) => (computed.kind === 'candidates' ? computed.value : computed);
const number = (expected: number) => (computed: Computed) =>
  expect(valueOf(computed)).toEqual({ kind: 'number', value: expect.closeTo(expected, 12) as number });
const array = (expected: unknown) => (computed: Computed) => {
  const value = valueOf(computed);
  expect(value.kind).toBe('array');
  if (value.kind === 'array') expect(value.value).toEqual(closeTo(expected));
};
const closeTo = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(closeTo) : typeof value === 'number' ? expect.closeTo(value, 9) : value;

const EXPECTED: Record<string, Expected> = {
  // −log N(θ; 0, σ²) = θ²/2σ² + const is proportional to θ²; |θ| (Laplace) and log(1 + θ²) (Cauchy) are not.
  'l2-prior': { matched: ['b'], verdict: 'agrees' },
  // Valid cross-correlation of [[1,2],[3,4]] with [[a,b],[c,d]]: Y = a + 2b + 3c + 4d, so ∂Y/∂a = 1.
  'conv-grad-valid': { value: number(1), matched: ['a'], verdict: 'no-key' },
  'sigmoid-squared-loss-gradient': { value: array(sigmoidLossGradients), matched: ['a'], verdict: 'agrees' },
  // Effective kernel 2·(3 − 1) + 1 = 5; (7 − 5)/1 + 1 = 3.
  'dilated-conv-output-size': { value: array([3, 3]), matched: ['a'], verdict: 'no-key' },
  // Depthwise 32·3·3 = 288, pointwise 32·64 = 2048: 2336.
  'depthwise-separable-params': { value: number(2336), matched: ['a'], verdict: 'no-key' },
  // ∂L/∂F(x) = ∂L/∂y, so only (c) = ∂L/∂y·(1 + ∂F/∂x) is dL/dx: a finding against the key (b).
  'resnet-residual-gradient': { value: array(residualGradients), matched: ['c'], verdict: 'disagrees' },
  // Receptive field 3 → 2·2 + 1 = 5 rows (b); output (32 + 2 − 5) + 1 = 30 < 32, so fewer multiply-adds (c).
  'dilation-rate-effect': { matched: ['b', 'c'], verdict: 'several-options-match' },
  // (3e4, −4e4) has norm 5e4 ≥ 1: scaled to (0.6, −0.8); (0.3, −0.4) has norm 0.5 < 1: unchanged.
  'gradient-clipping-by-norm': {
    value: array([
      [0.6, -0.8],
      [0.3, -0.4],
    ]),
    matched: ['c'],
    verdict: 'agrees',
  },
  // Full output F[2i + k, 2j + l] += x[i, j]·w[k, l], cropped by 1: out[r, c] = F[r + 1, c + 1]. For even r, c
  // that needs k = l = 1 (the filter's centre, 0): X = Y = Z = 0. No option says so.
  'transpose-conv-output': { value: array([0, 0, 0]), matched: [], verdict: 'no-option-matches' },
  // p(x) = 0.5·0.1 + 0.3·0.6 + 0.2·0.3 = 0.29: log 0.29 = −1.23787…; only (c) is exact for q ≠ posterior.
  'vae-log-likelihood-identity': { value: number(Math.log(0.29)), matched: ['c'], verdict: 'disagrees' },
  // conv: [[12,16],[24,28]]; pool max 28 at (1,1); unpooled [[0,0],[0,1]]; full transposed conv with ones:
  // the 1 spreads over rows and columns 1–2.
  'deconvnet-saliency': {
    value: array([
      [0, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
    ]),
    matched: ['a'],
    verdict: 'agrees',
  },
  // |d/dp| at p → 0: log(1 − p): 1/(1 − p) → 1; −log p: 1/p → ∞; (p − 1)²: 2(1 − p) → 2; −p: 1.
  'gan-generator-gradient': { matched: ['b'], verdict: 'agrees' },
  // f^T for T = 100: 1, 0.366, 2.7e−5, 7.9e−31; (a) has i = 0 and admits nothing new, so (b).
  'lstm-forget-input-gates': { matched: ['b'], verdict: 'agrees' },
  // exp(−10⁶ − 2) underflows to 0: masked positions get (near-)zero probability.
  'masked-softmax': { matched: ['d'], verdict: 'agrees' },
  // matmul, bmm, a loop and einsum all compute A_i B_i: a finding (the key rests on efficiency).
  'batched-matmul': { matched: ['a', 'b', 'c', 'd'], verdict: 'several-options-match' },
  // 4lh² + 2l²h is Θ(lh² + l²h), which (a) and (c) both write.
  'self-attention-complexity': { matched: ['a', 'c'], verdict: 'several-options-match' },
  // Disjoint supports: JS = ½ log 2 + ½ log 2 = log 2 for every θ; W₁(δ₀, δ_θ) = |θ|.
  'wasserstein-vs-js': {
    value: array([
      [Math.LN2, Math.LN2, Math.LN2],
      [0.5, 1, 2],
    ]),
    matched: [],
    verdict: 'no-key',
  },
  // Left padding only: no future input reaches output t, so every such gradient is exactly 0.
  'causal-conv-autoregressive': { value: number(0), matched: [], verdict: 'no-key' },
  // Written as loops, output channel o reaches only its own group's input channels, and the centre pixel's field is
  // the 3×3 block an ungrouped convolution has: (c) only, a finding against the key (d).
  'group-conv-tradeoff': { matched: groupConvLetters(), verdict: 'disagrees' },
  // The running statistics written as the EMA: the shifted test batch is normalised to a mean far from 0.
  'batchnorm-train-inference-gap': { matched: batchNormLetters().letters, verdict: 'agrees' },
  // Δw = 2yx on mistakes and 0 elsewhere is twice the hinge-at-0 descent; logistic and squared error move w on
  // correct points too, and the 0-1 loss is flat: (a), a finding against the key (b).
  'perceptron-update-loss': { matched: perceptronLetters().letters, verdict: 'disagrees' },
  // Polynomial units span {1, x, x²} at any width; non-polynomial ones (step: see below) approach sin(3x).
  'universal-approximation-violation': { matched: ['c'], verdict: 'no-key' },
  // The reparameterised estimator's gradients are within Monte Carlo error of 2μ and 2σ: (c).
  'reparameterization-trick': { matched: ['c'], verdict: 'no-key' },
  // Independent features: ΔL = ½ Σ_{m_i = 0} θ_i² E[x_i²] = ½(1.5²·2² + 0.3²·3²) exactly, and the formula's
  // normaliser cancels ‖θ‖²_F, so both entries are that.
  'fisher-pruning-loss': { value: array([4.905, 4.905]), matched: [], verdict: 'no-key' },
};

describe('the checks of the bundled exam', () => {
  let results: CheckResult[] = [];
  beforeAll(async () => {
    const parsed = parseExam(text);
    if (!parsed.ok) throw new Error('the bundled exam does not parse');
    results = await runChecks(parsed.exam, { sourceMap: parsed.sourceMap });
  });

  it('has a check for each computable question, and each one runs', () => {
    expect(results.map((result) => result.questionId).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(results.filter((result) => result.verdict === 'check-failed')).toEqual([]);
  });

  it('derives the conceptual checks’ answers a second way, with the facts that decide them', () => {
    expect(groupConvLetters()).toEqual(['c']);
    const batchNorm = batchNormLetters();
    expect(batchNorm.letters).toEqual(['b']);
    expect(batchNorm.normalisedTestMean).toBeGreaterThan(1);
    const perceptron = perceptronLetters();
    expect(perceptron.letters).toEqual(['a']);
    // The points include mistakes, correct points beyond the unit margin and inside it (where the margin-1 hinge
    // would move w and the perceptron does not).
    expect(perceptron.margins.some((m) => m < 0)).toBe(true);
    expect(perceptron.margins.some((m) => m > 1)).toBe(true);
    expect(perceptron.margins.some((m) => m > 0 && m < 1)).toBe(true);
    const { polynomial, step8, step64 } = universalApproximationResiduals();
    expect(polynomial).toBeGreaterThan(0.05); // the same at 8 and at 64 units: no fourfold shrink
    expect(step64).toBeLessThan(step8 / 4);
    const { dMu, dSigma, standardError } = reparameterisedGradients();
    expect(Math.abs(dMu - 1.4)).toBeLessThan(4 * standardError);
    expect(Math.abs(dSigma - 2.6)).toBeLessThan(4 * standardError);
  });

  for (const [questionId, expected] of Object.entries(EXPECTED)) {
    it(`${questionId}: computes the derived value`, () => {
      const result = results.find((candidate) => candidate.questionId === questionId);
      expect(result?.error).toBeUndefined();
      if (!result?.computed) throw new Error(`no answer for ${questionId}`);
      expected.value?.(result.computed);
      expect(result.matched ?? []).toEqual(expected.matched);
      expect(result.verdict).toBe(expected.verdict);
    });
  }
});
