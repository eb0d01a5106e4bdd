import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analysisInput } from './analysis-input.js';
import { analyseItems, type AnalysisInput } from './item-analysis.js';
import { droppedAndUngradedClass } from './test-support/dropped-and-ungraded-class.js';
import { readOracleTable } from './test-support/oracle-tables.js';

const ORACLE = fileURLToPath(new URL('./test-support/oracle/', import.meta.url));
const TABLES = [
  'bundled-sample',
  'small-complete',
  'negative-marking',
  'pages-not-read',
  'large',
  'dropped-and-ungraded',
];

/**
 * What the analysis is given: the table as written, or for the class with dropped and ungraded questions the exam and
 * its answers scored here, so the code under test decides what to leave out (R decides from the table's columns).
 */
function inputOf(name: string): AnalysisInput {
  if (name !== 'dropped-and-ungraded') return readOracleTable(`${ORACLE}tables`, name);
  const { exam, students } = droppedAndUngradedClass();
  return analysisInput(exam, students);
}
const TOLERANCE = 1e-9;

interface Expected {
  readonly test: Record<string, number | number[] | null>;
  readonly items: readonly (Record<string, number | string | null> & {
    options?: readonly Record<string, number | string | null>[];
  })[];
}

/** Equal within 1e-9 (relative for large values); R's NA (null) stands for our NaN. */
function close(actual: number | undefined, expected: number | string | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    expect(Number.isNaN(actual), `${what}: R gives NA, we give ${String(actual)}`).toBe(true);
    return;
  }
  const want = Number(expected);
  const error = Math.abs((actual ?? Number.NaN) - want) / Math.max(1, Math.abs(want));
  expect(error, `${what}: ${String(actual)} vs R ${want}`).toBeLessThanOrEqual(TOLERANCE);
}

/**
 * Every statistic held to R: psych::alpha (α, corrected item–total r.drop, α if deleted, on pairwise covariances) and
 * base R (means, SDs, type-7 quantiles, the 27 % groups, option tables), on tables with blanks, invalid marks, several
 * marks, ungraded written answers, pages not read, wrong keys, and dropped and keyless questions (test-support/oracle: the script that writes the
 * tables, the R script, and R's answers, committed).
 */
describe.each(TABLES)('item analysis of %s, held to R psych', (name) => {
  const input = inputOf(name);
  const expected = JSON.parse(readFileSync(`${ORACLE}expected/${name}.json`, 'utf8')) as Expected;
  const analysis = analyseItems(input);

  it('gives the test statistics R gives', () => {
    expect(analysis.test.students).toBe(expected.test.students);
    for (const key of ['mean', 'median', 'sd', 'lowest', 'highest'] as const)
      close(analysis.test[key], expected.test[key] as number, `test ${key}`);
    const quartiles = expected.test.quartiles as number[];
    analysis.test.quartiles.forEach((value, index) => close(value, quartiles[index], `quartile ${index + 1}`));
    if (expected.test.alpha !== null) {
      close(analysis.test.alpha, expected.test.alpha as number, 'alpha');
      close(analysis.test.sem, expected.test.sem as number, 'SEM');
    }
    if (expected.test.kr20 !== null) close(analysis.test.kr20, expected.test.kr20 as number, 'KR-20');
  });

  it('gives every item statistic and option table R gives', () => {
    expect(analysis.items.map((item) => item.id)).toEqual(expected.items.map((item) => item.id));
    analysis.items.forEach((item, index) => {
      const want = expected.items[index]!;
      expect(item.n, `${item.id} n`).toBe(want.n);
      for (const key of ['mean', 'sd', 'facility', 'upperLower', 'discrimination'] as const)
        close(item[key], want[key], `${item.id} ${key}`);
      if (expected.test.alpha !== null) close(item.alphaIfDeleted, want.alphaIfDeleted, `${item.id} alpha if deleted`);
      if (!want.options) {
        expect(item.options).toBeUndefined();
        return;
      }
      expect([item.blank, item.invalid, item.several]).toEqual([want.blank, want.invalid, want.several]);
      item.options!.forEach((option, position) => {
        const wantOption = want.options![position]!;
        expect(option.option).toBe(wantOption.option);
        expect(option.count, `${item.id} ${option.option} count`).toBe(wantOption.count);
        for (const key of ['upperShare', 'lowerShare', 'meanTotal'] as const)
          close(option[key], wantOption[key], `${item.id} ${option.option} ${key}`);
      });
    });
  });
});
