import { randn } from '@examforge/tensor';

/**
 * The answers of the bundled exam's conceptual checks derived a second way: plain loops and closed forms instead of
 * the tensor API's operations and autograd, on the same data (the checks' seeded `randn`). Each returns the option
 * letters whose claim holds, never looking at the marked key.
 */

/** The seeded normal draws a check's `randn(shape, seed)` makes, row-major. */
const flat = (shape: number[], seed: number) => Array.from(randn(shape, seed).data);
const holding = (claims: Record<string, boolean>) => Object.keys(claims).filter((letter) => claims[letter]);

/**
 * group-conv-tradeoff: a grouped 3×3 convolution written as loops (cross-correlation, padding 1), C channels in 2
 * groups. Being linear, output channel o depends on input channel c exactly when some weight connects them; the
 * centre pixel's spatial reach is read off by perturbing each input position.
 */
export function groupConvLetters(): string[] {
  const [channels, side, groups] = [4, 6, 2];
  const perGroup = channels / groups;
  const weight = flat([channels, perGroup, 3, 3], 2);
  const w = (o: number, i: number, k: number, l: number) => weight[((o * perGroup + i) * 3 + k) * 3 + l] ?? 0;
  const conv = (x: (c: number, r: number, s: number) => number, o: number, r: number, s: number) => {
    let total = 0;
    const g = Math.floor(o / perGroup);
    for (let i = 0; i < perGroup; i += 1)
      for (let k = 0; k < 3; k += 1)
        for (let l = 0; l < 3; l += 1) total += w(o, i, k, l) * x(g * perGroup + i, r + k - 1, s + l - 1);
    return total;
  };
  const inside = (r: number, s: number) => r >= 0 && r < side && s >= 0 && s < side;
  const impulse = (c0: number, r0: number, s0: number) => (c: number, r: number, s: number) =>
    inside(r, s) && c === c0 && r === r0 && s === s0 ? 1 : 0;
  const pixels = Array.from({ length: side * side }, (_, n) => [Math.floor(n / side), n % side] as const);
  const reaches = (o: number, c: number) =>
    pixels.some(([r, s]) => pixels.some(([r0, s0]) => conv(impulse(c, r0, s0), o, r, s) !== 0));
  const crossGroup = [0, 1, 2, 3].some((o) =>
    [0, 1, 2, 3].some((c) => Math.floor(c / perGroup) !== Math.floor(o / perGroup) && reaches(o, c)),
  );
  // The centre pixel (2, 2) of output channel 0 reaches rows and columns 1..3 of its group's channels: 3 × 3, as an
  // ungrouped 3×3 convolution's does.
  const field = pixels.filter(([r0, s0]) => [0, 1].some((c) => conv(impulse(c, r0, s0), 0, 2, 2) !== 0));
  const contiguous3x3 = field.length === 9 && field.every(([r, s]) => Math.abs(r - 2) <= 1 && Math.abs(s - 2) <= 1);
  return holding({
    a: false, // each output channel has its own filter bank: weight[o] is read for output o only (see `w`)
    b: false, // a sum of products of weights and inputs: linear, whatever the grouping
    c: !crossGroup,
    d: !contiguous3x3,
  });
}

/**
 * batchnorm-train-inference-gap: the running statistics as the exponential moving average written out
 * (momentum 0.1, unbiased variance, from 0 and 1), and what eval mode makes of the shifted test batch.
 */
export function batchNormLetters(): { letters: string[]; normalisedTestMean: number } {
  let runningMean = 0;
  let runningVar = 1;
  let lastMean = 0;
  let lastVar = 0;
  for (let step = 0; step < 20; step += 1) {
    const batch = flat([16, 1], 100 + step);
    lastMean = batch.reduce((s, v) => s + v, 0) / batch.length;
    const squares = batch.reduce((s, v) => s + (v - lastMean) ** 2, 0);
    lastVar = squares / batch.length;
    runningMean = 0.9 * runningMean + 0.1 * lastMean;
    runningVar = 0.9 * runningVar + 0.1 * (squares / (batch.length - 1));
  }
  const test = flat([16, 1], 7).map((v) => 2 * v + 3);
  const testMean = test.reduce((s, v) => s + v, 0) / test.length;
  const normalisedTestMean = (testMean - runningMean) / Math.sqrt(runningVar + 1e-5);
  const sameAsLastBatch = Math.abs(runningMean - lastMean) < 1e-12 && Math.abs(runningVar - lastVar) < 1e-12;
  return {
    letters: holding({
      a: false, // y = γ·x̂ + β in both modes: ∂y/∂γ = x̂ and ∂y/∂β = 1 are not 0
      b: Math.abs(normalisedTestMean) > 1,
      c: false, // ∂y/∂x = γ / √(running var + ε) > 0 in eval mode
      d: sameAsLastBatch,
    }),
    normalisedTestMean,
  };
}

/**
 * perceptron-update-loss: the update η(y − ŷ)x (ŷ = sign(w·x), η = 1) beside each loss's negative gradient written
 * by hand: hinge at 0: y·x where y·w·x < 0; 0-1: 0; logistic: y·x·σ(−y·w·x); squared error: 2(y − w·x)·x.
 */
export function perceptronLetters(): { letters: string[]; margins: number[] } {
  const W = flat([8, 3], 1);
  const X = flat([8, 3], 2);
  const Y = [1, -1, 1, -1, 1, -1, 1, -1];
  const rows = Y.map((y, n) => {
    const w = W.slice(3 * n, 3 * n + 3);
    const x = X.slice(3 * n, 3 * n + 3);
    return { x, y, score: w.reduce((s, wi, i) => s + wi * (x[i] ?? 0), 0) };
  });
  const descents: Record<string, (row: (typeof rows)[number]) => number> = {
    a: ({ y, score }) => (y * score < 0 ? y : 0),
    b: () => 0,
    c: ({ y, score }) => y / (1 + Math.exp(y * score)),
    d: ({ y, score }) => 2 * (y - score),
  };
  const update = ({ y, score }: (typeof rows)[number]) => y - (score >= 0 ? 1 : -1); // times x
  // Both are multiples of x, so the update is a positive multiple of the descent when their coefficients are.
  const fits = (letter: string) => {
    const ratios = rows.map((row) => {
      const [u, d] = [update(row), descents[letter]?.(row) ?? 0];
      return u === 0 && d === 0 ? undefined : u === 0 || d === 0 ? Number.NaN : u / d;
    });
    const defined = ratios.filter((r) => r !== undefined);
    return defined.every((r) => r > 0 && Math.abs(r - (defined[0] ?? r)) < 1e-9);
  };
  return { letters: Object.keys(descents).filter(fits), margins: rows.map(({ y, score }) => y * score) };
}

/**
 * universal-approximation-violation: units (a(x − t))² and a(x − t) are polynomials of degree ≤ 2 in x whatever a,
 * t and their number, so the least-squares fit of sin(3x) is the fit on {1, x, x²} (normal equations, solved here
 * by Cramer's rule) at 8 units and at 64. Step units with knots t_k span the functions constant between knots,
 * whose least-squares fit is the mean of each piece.
 */
export function universalApproximationResiduals(): { polynomial: number; step8: number; step64: number } {
  const xs = Array.from({ length: 201 }, (_, i) => -1 + i / 100);
  const ys = xs.map((x) => Math.sin(3 * x));
  const moment = (p: number) => xs.reduce((s, x) => s + x ** p, 0);
  const cross = (p: number) => xs.reduce((s, x, i) => s + x ** p * (ys[i] ?? 0), 0);
  const m = [0, 1, 2, 3, 4].map(moment);
  const at = (i: number) => m[i] ?? 0;
  const matrix = [
    [at(0), at(1), at(2)],
    [at(1), at(2), at(3)],
    [at(2), at(3), at(4)],
  ];
  const rhs = [cross(0), cross(1), cross(2)];
  const det = (a: number[][]) =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const coefficients = [0, 1, 2].map(
    (j) => det(matrix.map((row, i) => row.map((v, k) => (k === j ? (rhs[i] ?? 0) : v)))) / det(matrix),
  );
  const quadratic = (x: number) => coefficients.reduce((s, c, p) => s + c * x ** p, 0);
  const rms = (residuals: number[]) => Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
  const piecewise = (n: number) => {
    const knots = Array.from({ length: n }, (_, k) => -1 + ((k + 0.5) * 2) / n);
    const piece = (x: number) => knots.filter((t) => x >= t).length;
    const means = new Map<number, number[]>();
    xs.forEach((x, i) => means.set(piece(x), [...(means.get(piece(x)) ?? []), ys[i] ?? 0]));
    return rms(
      xs.map((x, i) => {
        const values = means.get(piece(x)) ?? [];
        return (ys[i] ?? 0) - values.reduce((s, v) => s + v, 0) / values.length;
      }),
    );
  };
  return {
    polynomial: rms(xs.map((x, i) => (ys[i] ?? 0) - quadratic(x))),
    step8: piecewise(8),
    step64: piecewise(64),
  };
}

/**
 * reparameterization-trick: with z = μ + σε the estimator's gradients are, in closed form, 2μ + 2σ·mean(ε) and
 * 2μ·mean(ε) + 2σ·mean(ε²); the expected values are 2μ and 2σ.
 */
export function reparameterisedGradients(): { dMu: number; dSigma: number; standardError: number } {
  const epsilon = flat([20_000], 1);
  const average = (f: (e: number) => number) => epsilon.reduce((s, e) => s + f(e), 0) / epsilon.length;
  const [mu, sigma] = [0.7, 1.3];
  return {
    dMu: 2 * mu + 2 * sigma * average((e) => e),
    dSigma: 2 * mu * average((e) => e) + 2 * sigma * average((e) => e * e),
    standardError: Math.sqrt(4 * mu ** 2 + 8 * sigma ** 2) / Math.sqrt(epsilon.length),
  };
}
