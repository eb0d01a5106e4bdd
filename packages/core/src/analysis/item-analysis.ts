import { histogram, mean, quantile, standardDeviation, type HistogramBin } from './descriptive.js';
import { flagItem, type ItemFlag } from './item-flags.js';
import { alphaIfDeleted, correctedItemTotal, covarianceSums, cronbachAlpha } from './reliability.js';

/**
 * What a student did on a choice question, for the option table: an option's letter, or an answer that chose none
 * (blank), invalid marks only (a tick, a partial fill), or several marks on a single-choice question; `null` where
 * the answer is not available (its page was not read).
 */
export type ChoiceCell = string | null;

export interface ItemInput {
  readonly id: string;
  /** Full marks of the question. */
  readonly maximum: number;
  /** Points of each student (the same order in every item); NaN where not available (ungraded, not read). */
  readonly scores: Float64Array;
  /** For choice questions: the options in canonical order, the keyed letters and each student's cell. */
  readonly choice?: {
    readonly options: readonly string[];
    readonly key: readonly string[];
    readonly cells: readonly ChoiceCell[];
  };
}

export interface AnalysisInput {
  readonly students: number;
  readonly items: readonly ItemInput[];
  /** The smallest step a total moves by (0.5 on the source paper): histogram bins never split it. */
  readonly step?: number;
}

export interface OptionStatistics {
  readonly option: string;
  readonly keyed: boolean;
  readonly count: number;
  /** Share of the upper (lower) 27 % group who chose it. */
  readonly upperShare: number;
  readonly lowerShare: number;
  /** Mean total of the students who chose it (NaN when nobody did). */
  readonly meanTotal: number;
}

export interface ItemStatistics {
  readonly id: string;
  /** Full marks of the question. */
  readonly maximum: number;
  /** Students whose answer is available (scored). */
  readonly n: number;
  /** Answers not available: ungraded written answers, answers not read from a scan. */
  readonly unavailable: number;
  readonly mean: number;
  readonly sd: number;
  /** Mean score over full marks. */
  readonly facility: number;
  /** Corrected item–total correlation (point-biserial for a right/wrong item): the item against the other items' sum. */
  readonly discrimination: number;
  /** Facility in the upper 27 % by total minus facility in the lower 27 %. */
  readonly upperLower: number;
  readonly alphaIfDeleted: number;
  readonly options?: readonly OptionStatistics[];
  /** Choice questions: answers with no option, with invalid marks only, with several marks. */
  readonly blank?: number;
  readonly invalid?: number;
  readonly several?: number;
  readonly flags: readonly ItemFlag[];
}

export interface TestStatistics {
  readonly students: number;
  readonly items: number;
  /** Cronbach's α over every item. */
  readonly alpha: number;
  /** KR-20: α of right/wrong (full marks or not) over the choice items. */
  readonly kr20: number;
  /** Standard error of measurement: SD of totals · √(1 − α). */
  readonly sem: number;
  readonly mean: number;
  readonly median: number;
  readonly sd: number;
  readonly quartiles: readonly [number, number, number];
  readonly lowest: number;
  readonly highest: number;
  readonly histogram: readonly HistogramBin[];
  /** Scores not available (ungraded, not read): the totals above leave them out rather than count them as 0. */
  readonly unavailableAnswers: number;
}

export interface ItemAnalysis {
  readonly test: TestStatistics;
  readonly items: readonly ItemStatistics[];
}

/** The share of the class in each of the upper and lower groups (Kelley's 27 %). */
export const GROUP_SHARE = 0.27;

/**
 * Classical item analysis of one class: per item facility, spread, discrimination (corrected item–total and
 * upper–lower), α if deleted, the option table of choice questions and flags with reasons; for the test α, KR-20,
 * SEM and the distribution of totals. Missing scores are left out pairwise, as psych::alpha does with
 * `use = "pairwise"`: an ungraded answer is never a 0. Held to R's psych package (oracle fixtures).
 *
 * @example
 * const analysis = analyseItems({ students: 3, items: [{ id: 'q1', maximum: 1, scores: Float64Array.of(1, 0, 1) }] });
 * analysis.items[0]?.facility; // 0.666…
 */
export function analyseItems(input: AnalysisInput): ItemAnalysis {
  const { students, items } = input;
  const totals = new Float64Array(students);
  let unavailableAnswers = 0;
  for (const item of items) {
    for (let row = 0; row < students; row += 1) {
      const value = item.scores[row] ?? Number.NaN;
      if (Number.isNaN(value)) unavailableAnswers += 1;
      else totals[row] = (totals[row] ?? 0) + value;
    }
  }
  const groups = upperAndLower(totals);
  const sums = covarianceSums(items.map((item) => item.scores));
  const alpha = cronbachAlpha(sums);
  const itemStatistics = items.map((item, index): ItemStatistics => {
    const { n, mean: itemMean } = presentMean(item.scores);
    // The item's variance is the diagonal of the covariances already summed.
    const variance = sums.variances[index] ?? Number.NaN;
    const sd = n < 2 ? Number.NaN : Math.sqrt(variance);
    const base = {
      id: item.id,
      maximum: item.maximum,
      n,
      unavailable: students - n,
      mean: itemMean,
      sd,
      facility: itemMean / item.maximum,
      discrimination: items.length > 1 ? correctedItemTotal(sums, index) : Number.NaN,
      upperLower: groupFacility(item, groups.upper) - groupFacility(item, groups.lower),
      alphaIfDeleted: alphaIfDeleted(sums, index),
    };
    const statistics = item.choice ? { ...base, ...optionTable(item.choice, totals, groups) } : base;
    return { ...statistics, flags: flagItem(statistics) };
  });
  const sortedTotals = [...totals].sort((a, b) => a - b);
  const sd = standardDeviation(sortedTotals);
  return {
    test: {
      students,
      items: items.length,
      alpha,
      kr20: rightWrongAlpha(items),
      sem: sd * Math.sqrt(1 - alpha),
      mean: mean(sortedTotals),
      median: quantile(sortedTotals, 0.5),
      sd,
      quartiles: [quantile(sortedTotals, 0.25), quantile(sortedTotals, 0.5), quantile(sortedTotals, 0.75)],
      lowest: sortedTotals[0] ?? Number.NaN,
      highest: sortedTotals.at(-1) ?? Number.NaN,
      histogram: histogram(sortedTotals, input.step ?? 0.5),
      unavailableAnswers,
    },
    items: itemStatistics,
  };
}

interface Groups {
  readonly upper: readonly number[];
  readonly lower: readonly number[];
  /** Per student: UPPER, LOWER or 0. */
  readonly membership: Int8Array;
}

const UPPER = 1;
const LOWER = -1;

/**
 * The upper and lower groups: ⌈27 %⌉ of the class each, by total, ties broken by the students' order (the first of
 * equal totals ranks higher), so the groups never overlap and are the same on every run.
 */
function upperAndLower(totals: Float64Array): Groups {
  const size = Math.ceil(GROUP_SHARE * totals.length);
  const ranked = Array.from(totals.keys()).sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a - b);
  const upper = ranked.slice(0, size);
  const lower = ranked.slice(ranked.length - size);
  const membership = new Int8Array(totals.length);
  for (const row of upper) membership[row] = UPPER;
  for (const row of lower) membership[row] = LOWER;
  return { upper, lower, membership };
}

function groupFacility(item: ItemInput, rows: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const row of rows) {
    const value = item.scores[row] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    sum += value;
    n += 1;
  }
  return n === 0 ? Number.NaN : sum / n / item.maximum;
}

/** The option table in one pass over the class (it runs for every choice question of every analysis). */
function optionTable(
  choice: NonNullable<ItemInput['choice']>,
  totals: Float64Array,
  groups: Groups,
): Pick<ItemStatistics, 'options' | 'blank' | 'invalid' | 'several'> {
  const count = new Float64Array(choice.options.length);
  const totalOf = new Float64Array(choice.options.length);
  const inUpper = new Float64Array(choice.options.length);
  const inLower = new Float64Array(choice.options.length);
  let upperAvailable = 0;
  let lowerAvailable = 0;
  const other = { blank: 0, invalid: 0, several: 0 };
  for (let row = 0; row < choice.cells.length; row += 1) {
    const cell = choice.cells[row] ?? null;
    if (cell === null) continue;
    const group = groups.membership[row] ?? 0;
    if (group === UPPER) upperAvailable += 1;
    else if (group === LOWER) lowerAvailable += 1;
    // A few options: a search by identity of interned letters is quicker than hashing them.
    const index = choice.options.indexOf(cell);
    if (index < 0) {
      if (cell === 'blank' || cell === 'invalid' || cell === 'several') other[cell] += 1;
      continue;
    }
    count[index] = (count[index] ?? 0) + 1;
    totalOf[index] = (totalOf[index] ?? 0) + (totals[row] ?? 0);
    if (group === UPPER) inUpper[index] = (inUpper[index] ?? 0) + 1;
    else if (group === LOWER) inLower[index] = (inLower[index] ?? 0) + 1;
  }
  const options = choice.options.map((option, index): OptionStatistics => {
    const chosen = count[index] ?? 0;
    return {
      option,
      keyed: choice.key.includes(option),
      count: chosen,
      upperShare: upperAvailable === 0 ? Number.NaN : (inUpper[index] ?? 0) / upperAvailable,
      lowerShare: lowerAvailable === 0 ? Number.NaN : (inLower[index] ?? 0) / lowerAvailable,
      meanTotal: chosen === 0 ? Number.NaN : (totalOf[index] ?? 0) / chosen,
    };
  });
  return { options, ...other };
}

/** Count and mean of the present values, without copying them (indexed: typed-array iteration is slow). */
function presentMean(values: Float64Array): { n: number; mean: number } {
  let n = 0;
  let sum = 0;
  for (let row = 0; row < values.length; row += 1) {
    const value = values[row] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    n += 1;
    sum += value;
  }
  return { n, mean: n === 0 ? Number.NaN : sum / n };
}

/** KR-20 as α of right/wrong scores (full marks or not) of the choice items; equal to the formula on complete data. */
function rightWrongAlpha(items: readonly ItemInput[]): number {
  const choiceItems = items.filter((item) => item.choice);
  if (choiceItems.length < 2) return Number.NaN;
  const columns = choiceItems.map((item) => {
    const column = new Float64Array(item.scores.length);
    for (let row = 0; row < column.length; row += 1) {
      const value = item.scores[row] ?? Number.NaN;
      column[row] = Number.isNaN(value) ? Number.NaN : value >= item.maximum ? 1 : 0;
    }
    return column;
  });
  return cronbachAlpha(covarianceSums(columns));
}
