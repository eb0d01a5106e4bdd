/**
 * Descriptive statistics over doubles, with the conventions of R (the analysis is held to R's output): sample
 * variance (n − 1), quantiles of R's default type 7. A missing value is NaN and is left out.
 */

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample standard deviation (n − 1), as R's `sd`; NaN below two values. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const centre = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** R's `quantile(x, p, type = 7)`: linear interpolation between order statistics. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const lower = sorted[low] ?? Number.NaN;
  const upper = sorted[Math.min(sorted.length - 1, low + 1)] ?? lower;
  return lower + (h - low) * (upper - lower);
}

export interface HistogramBin {
  /** Totals from `from` (included) to `to` (excluded; the last bin includes it). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * Bins of a width that is a multiple of `step` (the exam's smallest mark, so no bin splits what a student can score),
 * about 20 of them across the range, aligned on multiples of the width.
 */
export function histogram(values: readonly number[], step: number): HistogramBin[] {
  if (values.length === 0) return [];
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const width = step * Math.max(1, Math.ceil((high - low) / step / 20));
  const first = Math.floor(low / width + 1e-9) * width;
  const count = Math.max(1, Math.floor((high - first) / width + 1e-9) + 1);
  const counts = new Array<number>(count).fill(0);
  for (const value of values) {
    const bin = Math.min(count - 1, Math.floor((value - first) / width + 1e-9));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts.map((binCount, index) => ({
    from: first + index * width,
    to: first + (index + 1) * width,
    count: binCount,
  }));
}

/**
 * The covariance of two columns over the students present in both, with that subset's own means (one entry of R's
 * `cov(x, use = "pairwise")`); NaN below two such students. Columns hold one value per student, NaN where missing.
 */
export function covariance(a: Float64Array, b: Float64Array): number {
  let n = 0;
  let sumA = 0;
  let sumB = 0;
  for (let row = 0; row < a.length; row += 1) {
    const x = a[row] ?? Number.NaN;
    const y = b[row] ?? Number.NaN;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n += 1;
    sumA += x;
    sumB += y;
  }
  if (n < 2) return Number.NaN;
  const meanA = sumA / n;
  const meanB = sumB / n;
  let sum = 0;
  for (let row = 0; row < a.length; row += 1) {
    const x = a[row] ?? Number.NaN;
    const y = b[row] ?? Number.NaN;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    sum += (x - meanA) * (y - meanB);
  }
  return sum / (n - 1);
}
