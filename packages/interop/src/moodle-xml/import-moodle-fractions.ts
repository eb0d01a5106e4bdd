import { Rational } from '@examforge/core';

/**
 * The grades Moodle allows for an answer (`question_bank::fraction_options_full`), with the exact fraction each one
 * stands for: Moodle stores thirds as 0.3333333, Examforge as 1/3, so three of them still make full marks.
 */
const GRADES: readonly (readonly [number, string])[] = [
  [1, '1'],
  [0.9, '0.9'],
  [0.8333333, '5/6'],
  [0.8, '0.8'],
  [0.75, '0.75'],
  [0.7, '0.7'],
  [0.6666667, '2/3'],
  [0.6, '0.6'],
  [0.5, '0.5'],
  [0.4, '0.4'],
  [0.3333333, '1/3'],
  [0.3, '0.3'],
  [0.25, '0.25'],
  [0.2, '0.2'],
  [0.1666667, '1/6'],
  [0.1428571, '1/7'],
  [0.125, '0.125'],
  [0.1111111, '1/9'],
  [0.1, '0.1'],
  [0.05, '0.05'],
  [0, '0'],
];

/** Moodle's `match_grade_options` in its default `error` mode: a grade within 0.00001 of an allowed one. */
const TOLERANCE = 0.00001;

/**
 * The exact weight of a Moodle answer grade given in percent (`fraction="33.33333"` → 1/3, `"-50"` → −1/2, `""` →
 * 0), or undefined for a grade Moodle refuses (`33`, `-6.25`).
 *
 * @example
 * moodleFraction('33.33333')?.toString(); // '1/3'
 * moodleFraction('33'); // undefined
 */
export function moodleFraction(percent: string): Rational | undefined {
  const text = percent.trim();
  if (text === '') return Rational.ZERO;
  const fraction = Number(text) / 100;
  if (!Number.isFinite(fraction)) return undefined;
  const match = GRADES.find(([value]) => Math.abs(Math.abs(fraction) - value) < TOLERANCE);
  if (!match) return undefined;
  const exact = Rational.parse(match[1]) ?? Rational.ZERO;
  return fraction < 0 ? exact.negated() : exact;
}

/** The grades Moodle allows, in percent, for messages. */
export const ALLOWED_GRADES =
  'the 21 grades Moodle allows (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5 and 0 %, or their negatives)';
