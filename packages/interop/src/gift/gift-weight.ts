import type { Rational } from '@examforge/core';
import { ALLOWED_GRADES, moodleFraction } from '../moodle-xml/import-moodle-fractions.js';

/** A `%n%` weight read as Moodle reads it: one of Moodle's grades, exactly (33.33333 % is 1/3), or refused. */
export type GiftWeightReading =
  { readonly ok: true; readonly fraction: Rational } | { readonly ok: false; readonly reason: string };

/**
 * Reads a GIFT weight in percent with Moodle's rule (shared with the Moodle XML importer): only the grades of its list
 * are accepted, and a question with any other is skipped ("Grades (0.33) do not match grade options - question
 * skipped").
 *
 * @example
 * readGiftWeight('33.33333'); // { ok: true, fraction: 1/3 }
 * readGiftWeight('33').ok; // false
 */
export function readGiftWeight(percent: string): GiftWeightReading {
  const fraction = moodleFraction(percent);
  if (fraction) return { ok: true, fraction };
  return {
    ok: false,
    reason: `the weight ${percent} % is not one of ${ALLOWED_GRADES}; Moodle skips such a question ("Grades (${Number(percent) / 100}) do not match grade options"), so it was left out`,
  };
}
