import { readFileSync } from 'node:fs';
import { instantiateExam, parseExam, readOptionValue, type GeneratedChoiceQuestion } from '@examforge/core';
import {
  conv2d,
  conv2dParameters,
  convTranspose2d,
  ganGeneratorLoss,
  lstmCell,
  mseLoss,
  mul,
  add,
  relu,
  softmax,
  sum,
  tensor,
  zeros,
  type Tensor,
} from '@examforge/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateForSeeds, type SeedGeneration } from './run-generators.js';

/**
 * Must-show 5: every computed question of the bundled practice exam, over 1,000 seeds, gives a valid instance whose
 * key is what the tensor engine computes — recomputed here from the instance's parameters with the engine's own
 * operations (never the generator's code path) — with no distractor equal to it, and enough distinct instances.
 */
const text = readFileSync(new URL('../../../exams/dl-practice/exam.md', import.meta.url), 'utf8');
const SEEDS = Array.from({ length: 1000 }, (_, index) => `practice-sitting:s${String(index).padStart(4, '0')}`);
/** "Distinct enough": at least this many different stems, and correct answers, over the 1,000 seeds. */
const MIN_DISTINCT_STEMS = 50;
const MIN_DISTINCT_KEYS = 10;

type Parameters = Record<string, unknown>;
const numbers = (p: Parameters) => p as Record<string, number>;
const grid = (value: unknown) => value as number[][];
const entry = (t: Tensor, i: number, j: number) => (t.toArray() as number[][][][])[0]?.[0]?.[i]?.[j] ?? NaN;
const logit = (p: number) => Math.log(p / (1 - p));

/** The engine's answer for an instance's parameters, by the engine's own operations. */
const ENGINE: Record<string, (p: Parameters) => number> = {
  'conv-output-size': (p) => {
    const { n = 0, k = 0, s, p: padding, d } = numbers(p);
    return (
      conv2d(zeros([1, 1, n, n]), zeros([1, 1, k, k]), undefined, { stride: s, padding, dilation: d }).shape[3] ?? NaN
    );
  },
  'transposed-conv-size': (p) => {
    const { n = 0, k = 0, s, p: padding, op } = numbers(p);
    const options = { stride: s, padding, outputPadding: op };
    return convTranspose2d(zeros([1, 1, n, n]), zeros([1, 1, k, k]), undefined, options).shape[3] ?? NaN;
  },
  'depthwise-separable-params': (p) => {
    const { cin = 0, cout = 0, k = 0 } = numbers(p);
    const bias = p.bias === true;
    const depthwise = conv2dParameters({ inChannels: cin, outChannels: cin, kernelSize: k, groups: cin, bias });
    return depthwise + conv2dParameters({ inChannels: cin, outChannels: cout, kernelSize: 1, bias });
  },
  'conv2d-value': (p) => {
    const { p: padding, i = 0, j = 0 } = numbers(p);
    return entry(conv2d(tensor([[grid(p.x)]]), tensor([[grid(p.w)]]), undefined, { padding }), i, j);
  },
  'conv2d-weight-gradient': (p) => {
    const { k = 0, r = 0, c = 0 } = numbers(p);
    const weight = tensor([[Array.from({ length: k }, () => Array.from({ length: k }, () => 0.5))]], {
      requiresGrad: true,
    });
    sum(conv2d(tensor([[grid(p.x)]]), weight)).backward();
    return entry(weight.grad ?? zeros([1]), r, c);
  },
  'transposed-conv-value': (p) => {
    const { p: padding, i = 0, j = 0 } = numbers(p);
    const out = convTranspose2d(tensor([[grid(p.x)]]), tensor([[grid(p.w)]]), undefined, { stride: 2, padding });
    return entry(out, i, j);
  },
  'masked-softmax': (p) => {
    const { j = 0 } = numbers(p);
    const probabilities = softmax(tensor(p.z as number[]), 0, { mask: tensor(p.m as number[]) });
    return (probabilities.toArray() as number[])[j] ?? NaN;
  },
  'gan-generator-gradient': (p) => {
    // Through the probability D = σ(l): dL/dl = dL/dD · D(1 − D), with the loss taking probabilities.
    const { l = 0 } = numbers(p);
    const d = tensor([1 / (1 + Math.exp(-l))], { requiresGrad: true });
    ganGeneratorLoss(d, p.kind as 'minimax' | 'non-saturating', { inputs: 'probabilities' }).backward();
    const value = d.item();
    return (d.grad?.item() ?? NaN) * value * (1 - value);
  },
  'lstm-cell-memory': (p) => {
    // A cell whose input and hidden weights are 0 and whose biases make exactly the stated gate activations.
    const { c = 0, f = 0, i = 0, o = 0, g = 0 } = numbers(p);
    const bias = tensor([logit(i), logit(f), Math.atanh(g), logit(o)]);
    const state = lstmCell(zeros([1, 1]), zeros([1, 1]), tensor([[c]]), zeros([4, 1]), zeros([4, 1]), bias, null);
    return state.c.item();
  },
  'residual-gradient': (p) => {
    const { w1 = 0, w2 = 0, x: x0 = 0, t = 0 } = numbers(p);
    const x = tensor([x0], { requiresGrad: true });
    const y = add(x, mul(relu(mul(x, w1)), w2));
    mul(mseLoss(y, tensor([t])), 0.5).backward();
    return x.grad?.item() ?? NaN;
  },
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('dl-practice: 1,000 seeds per computed question', () => {
  let runs: SeedGeneration[] = [];
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error('dl-practice does not parse');
  const exam = parsed.exam;

  // A budget, not a goal (about 10 s on a quiet machine): timing goals belong in benchmarks, not in tests.
  beforeAll(async () => {
    runs = await generateForSeeds(exam, SEEDS, { concurrency: 2 });
  }, 300_000);

  it('has at least 8 computed questions, and generates 1,000 instances of each', () => {
    expect(Object.keys(ENGINE).length).toBeGreaterThanOrEqual(8);
    expect(exam.sections.flatMap((s) => s.questions.filter((q) => q.generator).map((q) => q.id))).toEqual(
      Object.keys(ENGINE),
    );
    expect(runs).toHaveLength(1000);
  });

  it('every instance is valid: no failure, and instantiateExam accepts each seed’s instances', () => {
    for (const run of runs) {
      expect(run.failures).toEqual([]);
      expect(() => instantiateExam(exam, run.instances)).not.toThrow();
    }
  });

  for (const id of Object.keys(ENGINE)) {
    it(`${id}: the key is the engine's answer, no distractor is, and the instances are distinct enough`, () => {
      const instances = runs.map((run) => run.instances[id] as GeneratedChoiceQuestion);
      const keyLetters = new Map<number, number>();
      for (const instance of instances) {
        const expected = ENGINE[id]?.(instance.parameters ?? {}) ?? NaN;
        expect(Number.isFinite(expected)).toBe(true);
        const values = instance.options.map((option) => {
          const read = readOptionValue(option.value ?? '');
          return read?.kind === 'number' ? read.value : NaN;
        });
        expect(new Set(values).size).toBe(values.length);
        const correct = instance.options.findIndex((option) => option.correct);
        expect(close(values[correct] ?? NaN, expected), `${instance.stem}: ${values[correct]} ≠ ${expected}`).toBe(
          true,
        );
        values.forEach((value, index) => {
          if (index !== correct) expect(close(value, expected), `${instance.stem}: distractor ${value}`).toBe(false);
        });
        keyLetters.set(correct, (keyLetters.get(correct) ?? 0) + 1);
      }
      expect(new Set(instances.map((instance) => instance.stem)).size).toBeGreaterThanOrEqual(MIN_DISTINCT_STEMS);
      const keys = new Set(instances.map((instance) => instance.options.find((o) => o.correct)?.value));
      expect(keys.size).toBeGreaterThanOrEqual(MIN_DISTINCT_KEYS);
      // The key is not always in the same place: each letter holds it for at least a tenth of the students.
      for (const letter of [0, 1, 2, 3]) expect(keyLetters.get(letter) ?? 0).toBeGreaterThan(100);
    });
  }
});
