import { Rational } from '@examforge/core';

/**
 * The grades Moodle accepts for an answer (`question_bank::fraction_options_full()`), as exact fractions with the
 * percentage Moodle itself writes for each. Moodle's import refuses any other fraction by default ("match grades:
 * error") and the whole file with it, so the exporter writes only these.
 */
const POSITIVE: readonly (readonly [Rational, string])[] = [
  [Rational.ONE, '100'],
  [Rational.of(9, 10), '90'],
  [Rational.of(5, 6), '83.33333'],
  [Rational.of(4, 5), '80'],
  [Rational.of(3, 4), '75'],
  [Rational.of(7, 10), '70'],
  [Rational.of(2, 3), '66.66667'],
  [Rational.of(3, 5), '60'],
  [Rational.of(1, 2), '50'],
  [Rational.of(2, 5), '40'],
  [Rational.of(1, 3), '33.33333'],
  [Rational.of(3, 10), '30'],
  [Rational.of(1, 4), '25'],
  [Rational.of(1, 5), '20'],
  [Rational.of(1, 6), '16.66667'],
  [Rational.of(1, 7), '14.28571'],
  [Rational.of(1, 8), '12.5'],
  [Rational.of(1, 9), '11.11111'],
  [Rational.of(1, 10), '10'],
  [Rational.of(1, 20), '5'],
];

const MOODLE_GRADES: readonly (readonly [Rational, string])[] = [
  ...POSITIVE,
  [Rational.ZERO, '0'],
  ...POSITIVE.map(([fraction, percent]) => [fraction.negated(), `-${percent}`] as const),
];

/** A fraction as Moodle will store it: the nearest grade Moodle accepts, its percentage, and whether it is exact. */
export interface MoodleGrade {
  readonly fraction: Rational;
  readonly percent: string;
  readonly exact: boolean;
}

/**
 * The Moodle grade for a fraction of the marks (1 is full marks, −0.5 takes half off).
 *
 * @example
 * moodleGrade(Rational.of(1, 3)); // { percent: '33.33333', exact: true, … }
 * moodleGrade(Rational.of(-1, 12)); // { percent: '-10', exact: false, … }: the nearest grade Moodle accepts
 */
export function moodleGrade(fraction: Rational): MoodleGrade {
  let best = MOODLE_GRADES[0] ?? [Rational.ONE, '100'];
  for (const grade of MOODLE_GRADES) {
    if (distance(grade[0], fraction).compare(distance(best[0], fraction)) < 0) best = grade;
  }
  return { fraction: best[0], percent: best[1], exact: best[0].equals(fraction) };
}

function distance(a: Rational, b: Rational): Rational {
  const difference = a.minus(b);
  return difference.isNegative() ? difference.negated() : difference;
}

/** A percentage as an instructor reads it: `33.33 %`, `-50 %`. */
export function percentText(fraction: Rational): string {
  const percent = fraction.times(100);
  return `${percent.isDecimal() ? percent.toString() : percent.toFixed(2)} %`;
}
