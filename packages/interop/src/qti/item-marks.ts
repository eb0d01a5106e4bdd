import type { Rational } from '@examforge/core';
import { qtiRational } from './qti-number.js';
import type { Mapping, QtiItem } from './qti-item.js';

/**
 * The marks of an item as its source declares them: the `MAXSCORE` outcome's default, else what its mapping can
 * award at most, else the `SCORE` outcome's `normalMaximum`; undefined when the item says nothing (the import's
 * default marks apply, as for most items of real banks).
 *
 * @example
 * itemMarks(item, item.responses.get('RESPONSE')?.mapping); // Rational 2 for a mapping H=1, O=1, upperBound=2
 */
export function itemMarks(item: QtiItem, mapping: Mapping | undefined, cardinality: string): Rational | undefined {
  const declared = positive(Number(item.outcomes.get('MAXSCORE')?.defaultValue));
  const mapped = mapping ? positive(mappingMaximum(mapping, cardinality)) : undefined;
  const normal = positive(item.outcomes.get('SCORE')?.normalMaximum ?? Number.NaN);
  return declared ?? mapped ?? normal;
}

/** The most a mapping awards: the best single entry, or the sum of the positive ones, capped by its upper bound. */
export function mappingMaximum(mapping: Mapping, cardinality: string): number {
  const values = mapping.entries.map((entry) => entry.value);
  const best =
    cardinality === 'single' ? Math.max(0, ...values) : values.filter((v) => v > 0).reduce((a, b) => a + b, 0);
  return mapping.upperBound === undefined ? best : Math.min(best, mapping.upperBound);
}

function positive(value: number): Rational | undefined {
  return Number.isFinite(value) && value > 0 ? qtiRational(value) : undefined;
}
