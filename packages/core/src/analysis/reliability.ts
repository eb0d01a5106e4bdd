import { covariance } from './descriptive.js';

/**
 * Reliability from the covariances of item scores, as psych::alpha computes it from `cov(x, use = "pairwise")`:
 * Cronbach's α = k/(k−1) · (1 − Σ var / Σ cov); the corrected item–total correlation of an item is its covariance
 * with the sum of the others over the root of both variances; α if the item is deleted is α of the rest.
 *
 * None of these needs the k × k matrix itself, only its diagonal and its row sums, and a row sum over complete
 * columns is one covariance with their sum: Σⱼ cov(xᵢ, xⱼ) = cov(xᵢ, Σⱼ xⱼ) when every pair uses the same students
 * and means. So the sums cost one pass per item over the class instead of one per pair (10,000 students × 100 items:
 * a million products instead of fifty million); only pairs with a missing score are taken pairwise.
 */

export interface CovarianceSums {
  /** The number of items. */
  readonly items: number;
  /** The diagonal: each item's variance. */
  readonly variances: Float64Array;
  /** Σ of each row of the covariance matrix: an item's covariance with every item, itself included. */
  readonly rows: Float64Array;
  /** Σ of every entry. */
  readonly total: number;
  /** Σ of the diagonal (the item variances). */
  readonly trace: number;
}

/**
 * The sums of the pairwise covariance matrix of the columns (one value per student, NaN where missing): the same
 * as summing R's `cov(x, use = "pairwise")`, computed without forming it.
 *
 * @example
 * covarianceSums([Float64Array.of(1, 0, 1), Float64Array.of(1, 0, 0)]).total; // 0.8333… (1/3 + 1/3 + 2·1/6)
 */
export function covarianceSums(columns: readonly Float64Array[]): CovarianceSums {
  const complete = columns.map((column) => !hasMissing(column));
  const incomplete = columns.filter((_, i) => !complete[i]);
  const completeSum = sumOfColumns(
    columns.filter((_, i) => complete[i]),
    columns[0]?.length ?? 0,
  );
  const variances = new Float64Array(columns.length);
  const rows = new Float64Array(columns.length);
  columns.forEach((column, i) => {
    // Over the students this item has, which is every pair (i, complete j) at once; the item itself is among them
    // when it is complete, and among the incomplete ones otherwise.
    let row = incomplete.length === columns.length ? 0 : covariance(column, completeSum);
    for (const other of incomplete) row += covariance(column, other);
    rows[i] = row;
    variances[i] = covariance(column, column);
  });
  let total = 0;
  let trace = 0;
  for (let i = 0; i < columns.length; i += 1) {
    total += rows[i] ?? Number.NaN;
    trace += variances[i] ?? Number.NaN;
  }
  return { items: columns.length, variances, rows, total, trace };
}

function hasMissing(column: Float64Array): boolean {
  for (let row = 0; row < column.length; row += 1) if (Number.isNaN(column[row])) return true;
  return false;
}

/** The students' sums over complete columns. */
function sumOfColumns(columns: readonly Float64Array[], length: number): Float64Array {
  const sum = new Float64Array(length);
  for (const column of columns)
    for (let row = 0; row < length; row += 1) sum[row] = (sum[row] ?? 0) + (column[row] ?? 0);
  return sum;
}

/** Cronbach's α (psych's raw_alpha); NaN with fewer than two items. */
export function cronbachAlpha(sums: CovarianceSums): number {
  const k = sums.items;
  if (k < 2) return Number.NaN;
  return (1 - sums.trace / sums.total) * (k / (k - 1));
}

/** α of the other items (psych's alpha.drop raw_alpha). */
export function alphaIfDeleted(sums: CovarianceSums, item: number): number {
  const k = sums.items - 1;
  if (k < 2) return Number.NaN;
  const variance = sums.variances[item] ?? Number.NaN;
  return (1 - (sums.trace - variance) / restVariance(sums, item)) * (k / (k - 1));
}

/** The item's correlation with the sum of the other items (psych's r.drop): discrimination without self-overlap. */
export function correctedItemTotal(sums: CovarianceSums, item: number): number {
  const variance = sums.variances[item] ?? Number.NaN;
  const withOthers = (sums.rows[item] ?? Number.NaN) - variance;
  return withOthers / Math.sqrt(variance * restVariance(sums, item));
}

/** Σ of the matrix without the item's row and column: the variance of the other items' sum. */
function restVariance(sums: CovarianceSums, item: number): number {
  return sums.total - 2 * (sums.rows[item] ?? Number.NaN) + (sums.variances[item] ?? Number.NaN);
}
