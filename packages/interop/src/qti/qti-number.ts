import { Rational } from '@examforge/core';

/** Denominators a rounded value may stand for: marks over a handful of options make thirds, sixths, sevenths, … */
const MAX_DENOMINATOR = 100;

/**
 * Places after the point from which a decimal is read as a rounded fraction: 0.125 and 0.3333 stay as written, while
 * 0.1666667 (Moodle's and many tools' seven places) and 0.3333333333333333 (a float printed in full) do not.
 */
const LONG_DECIMAL_PLACES = 7;

/**
 * A number read from QTI (a mapped value, a bound, a constant, MAXSCORE) as an exact rational: as written when it is
 * a short decimal, else the simple fraction (denominator up to 100) it rounds, so that three mapped values of
 * 0.3333333 still make 1 and a score keeps its exact thirds; undefined when it is not finite.
 *
 * @example
 * qtiRational(0.1666667)?.toString(); // '1/6'
 * qtiRational(0.25)?.toString(); // '0.25'
 * qtiRational(0.1234567)?.toString(); // '0.1234567' (no simple fraction that close)
 */
export function qtiRational(value: number): Rational | undefined {
  if (!Number.isFinite(value)) return undefined;
  const places = decimalPlaces(String(value));
  if (places < LONG_DECIMAL_PLACES) return Rational.fromNumber(value);
  // Half a unit in the last written place (the value was rounded there), and the error a printed double can carry.
  const tolerance = 0.5 * 10 ** -places + Math.abs(value) * 1e-15;
  return simpleFractionNear(value, tolerance) ?? Rational.fromNumber(value);
}

function simpleFractionNear(value: number, tolerance: number): Rational | undefined {
  for (let denominator = 1; denominator <= MAX_DENOMINATOR; denominator++) {
    const numerator = Math.round(value * denominator);
    if (Number.isSafeInteger(numerator) && Math.abs(value - numerator / denominator) < tolerance)
      return Rational.of(numerator, denominator);
  }
  return undefined;
}

/** Places after the point of a number as JavaScript prints it (`1e-7` has 7, `12.5` has 1). */
function decimalPlaces(printed: string): number {
  const match = /^-?\d*(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(printed);
  if (!match) return 0;
  return Math.max(0, (match[1] ?? '').length - Number(match[2] ?? 0));
}
