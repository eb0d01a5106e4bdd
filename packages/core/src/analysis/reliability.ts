import { at } from './descriptive.js';

/**
 * Reliability from a covariance matrix of item scores, as psych::alpha computes it from `cov(x, use = "pairwise")`:
 * Cronbach's α = k/(k−1) · (1 − Σ var / Σ cov); the corrected item–total correlation of an item is its covariance
 * with the sum of the others over the root of both variances; α if the item is deleted is α of the rest.
 */

export interface CovarianceSums {
  readonly matrix: readonly Float64Array[];
  /** Σ of every entry. */
  readonly total: number;
  /** Σ of the diagonal (the item variances). */
  readonly trace: number;
  /** Σ of each row. */
  readonly rows: Float64Array;
}

export function covarianceSums(matrix: readonly Float64Array[]): CovarianceSums {
  const rows = new Float64Array(matrix.length);
  let total = 0;
  let trace = 0;
  matrix.forEach((row, i) => {
    let sum = 0;
    for (const value of row) sum += value;
    rows[i] = sum;
    total += sum;
    trace += row[i] ?? 0;
  });
  return { matrix, total, trace, rows };
}

/** Cronbach's α (psych's raw_alpha); NaN with fewer than two items. */
export function cronbachAlpha(sums: CovarianceSums): number {
  const k = sums.matrix.length;
  if (k < 2) return Number.NaN;
  return (1 - sums.trace / sums.total) * (k / (k - 1));
}

/** α of the other items (psych's alpha.drop raw_alpha). */
export function alphaIfDeleted(sums: CovarianceSums, item: number): number {
  const k = sums.matrix.length - 1;
  if (k < 2) return Number.NaN;
  const variance = at(sums.matrix, item)[item] ?? Number.NaN;
  const rest = sums.total - 2 * (sums.rows[item] ?? Number.NaN) + variance;
  return (1 - (sums.trace - variance) / rest) * (k / (k - 1));
}

/** The item's correlation with the sum of the other items (psych's r.drop): discrimination without self-overlap. */
export function correctedItemTotal(sums: CovarianceSums, item: number): number {
  const variance = at(sums.matrix, item)[item] ?? Number.NaN;
  const withOthers = (sums.rows[item] ?? Number.NaN) - variance;
  const rest = sums.total - 2 * (sums.rows[item] ?? Number.NaN) + variance;
  return withOthers / Math.sqrt(variance * rest);
}
