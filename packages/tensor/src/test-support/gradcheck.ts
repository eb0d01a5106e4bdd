import { expect } from 'vitest';
import { Tensor, noGrad, randn } from '../index.js';

/**
 * Compare autograd with central finite differences in float64: for out = f(inputs) and a random weight w (zero
 * where out is not finite, e.g. masked log-probabilities), d(Σ w·out)/d input from `backward(w)` against
 * (L(x + h) − L(x − h)) / 2h for every element of every input.
 */
export function gradcheck(f: (inputs: Tensor[]) => Tensor, inputs: Tensor[], seed: number, h = 1e-6): void {
  const leaves = inputs.map((t) => new Tensor(t.data.slice(), t.shape, { requiresGrad: true }));
  const out = f(leaves);
  const w = randn(out.shape, seed + 1);
  w.data.forEach((_, i) => {
    if (!Number.isFinite(out.data[i])) w.data[i] = 0;
  });
  out.backward(w);
  const loss = (): number =>
    noGrad(() => {
      const y = f(leaves);
      return y.data.reduce((s, v, i) => (w.data[i] === 0 ? s : s + v * w.data[i]!), 0);
    });
  leaves.forEach((leaf, k) => {
    const analytic = leaf.grad?.data ?? new Float64Array(leaf.numel);
    for (let i = 0; i < leaf.numel; i++) {
      const x = leaf.data[i]!;
      leaf.data[i] = x + h;
      const up = loss();
      leaf.data[i] = x - h;
      const down = loss();
      leaf.data[i] = x;
      const numeric = (up - down) / (2 * h);
      const a = analytic[i]!;
      expect(
        Math.abs(a - numeric),
        `input ${k}[${i}]: autograd ${a}, finite difference ${numeric}`,
      ).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });
}
