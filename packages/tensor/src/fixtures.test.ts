import { describe, expect, it } from 'vitest';
import { decode, decodeValues, loadTorchCases, runners, type EncodedTensor } from './test-support/torch-fixtures.js';

/**
 * Values and gradients agree with PyTorch (float64) when |ours − torch| ≤ RELATIVE·|torch| + ABSOLUTE_FLOOR·scale,
 * where scale is the largest |value| of that tensor (at least 1): the floor covers entries that are sums of terms
 * cancelling to nearly 0, whose relative error is meaningless.
 */
const RELATIVE = 1e-9;
const ABSOLUTE_FLOOR = 1e-12;

const { torch, cases } = loadTorchCases();

function worstError(got: Float64Array, want: EncodedTensor): number {
  const expected = decodeValues(want);
  const scale = Math.max(1, ...expected.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  let worst = 0;
  expected.forEach((w, i) => {
    const g = got[i] ?? Number.NaN;
    if (!Number.isFinite(w)) {
      worst = Object.is(g, w) || (Number.isNaN(w) && Number.isNaN(g)) ? worst : Infinity;
      return;
    }
    const excess = Math.abs(g - w) / (RELATIVE * Math.abs(w) + ABSOLUTE_FLOOR * scale);
    worst = Math.max(worst, Number.isNaN(excess) ? Infinity : excess);
  });
  return worst;
}

describe(`PyTorch ${torch} fixtures (${cases.length} cases)`, () => {
  it('has at least 200 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: values and gradients match', (_, c) => {
    const runner = runners[c.op];
    if (runner === undefined) throw new Error(`no runner for ${c.op}`);
    const inputs = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, decode(v, k in c.grads)]));
    const outputs = runner(inputs, c.params);
    for (const [name, want] of Object.entries(c.outputs)) {
      const got = outputs[name];
      expect(got?.shape, `${name} shape`).toEqual(want.shape);
      expect(worstError(got!.data, want), `${name} values (error / tolerance)`).toBeLessThanOrEqual(1);
    }
    for (const [name, weight] of Object.entries(c.gradOutputs)) outputs[name]!.backward(decode(weight));
    for (const [name, want] of Object.entries(c.grads)) {
      const got = inputs[name]!.grad;
      expect(got, `gradient of ${name}`).not.toBeNull();
      expect(worstError(got!.data, want), `gradient of ${name} (error / tolerance)`).toBeLessThanOrEqual(1);
    }
  });
});
