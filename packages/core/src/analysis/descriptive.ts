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
 * Covariances of every pair of columns over the rows where both are present, each pair with its own means (R's
 * `cov(x, use = "pairwise")`). Columns hold one value per student, NaN where missing.
 */
export function pairwiseCovariance(columns: readonly Float64Array[]): Float64Array[] {
  const size = columns.length;
  const matrix = columns.map(() => new Float64Array(size));
  const centred = columns.map((column) => (column.every((value) => !Number.isNaN(value)) ? centre(column) : undefined));
  for (let i = 0; i < size; i += 1) {
    const ci = centred[i];
    for (let j = i; j < size; j += 1) {
      const cj = centred[j];
      // Complete columns: four products per pass over column i (a class of 10,000 × 100 items is 50 million).
      if (ci && cj && j + 3 < size && centred[j + 1] && centred[j + 2] && centred[j + 3]) {
        const sums = completeCovariances4(ci, cj, at4(centred, j));
        for (let k = 0; k < 4; k += 1) {
          at(matrix, i)[j + k] = sums[k] ?? Number.NaN;
          at(matrix, j + k)[i] = sums[k] ?? Number.NaN;
        }
        j += 3;
        continue;
      }
      const value = ci && cj ? completeCovariance(ci, cj) : maskedCovariance(at(columns, i), at(columns, j));
      at(matrix, i)[j] = value;
      at(matrix, j)[i] = value;
    }
  }
  return matrix;
}

function at4(columns: readonly (Float64Array | undefined)[], j: number): [Float64Array, Float64Array, Float64Array] {
  const empty = new Float64Array(0);
  return [columns[j + 1] ?? empty, columns[j + 2] ?? empty, columns[j + 3] ?? empty];
}

function centre(column: Float64Array): Float64Array {
  let sum = 0;
  for (const value of column) sum += value;
  const average = sum / column.length;
  return column.map((value) => value - average);
}

function completeCovariance(a: Float64Array, b: Float64Array): number {
  if (a.length < 2) return Number.NaN;
  let sum = 0;
  for (let row = 0; row < a.length; row += 1) sum += (a[row] ?? 0) * (b[row] ?? 0);
  return sum / (a.length - 1);
}

function completeCovariances4(
  a: Float64Array,
  b0: Float64Array,
  [b1, b2, b3]: [Float64Array, Float64Array, Float64Array],
): number[] {
  if (a.length < 2) return [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let row = 0; row < a.length; row += 1) {
    const x = a[row] ?? 0;
    s0 += x * (b0[row] ?? 0);
    s1 += x * (b1[row] ?? 0);
    s2 += x * (b2[row] ?? 0);
    s3 += x * (b3[row] ?? 0);
  }
  const n = a.length - 1;
  return [s0 / n, s1 / n, s2 / n, s3 / n];
}

function maskedCovariance(a: Float64Array, b: Float64Array): number {
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

/** The row of a matrix (always there: indices come from the matrix's own size). */
export function at(matrix: readonly Float64Array[], index: number): Float64Array {
  return matrix[index] ?? new Float64Array(0);
}
