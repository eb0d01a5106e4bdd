import { Rational } from '../rational.js';

/**
 * Sums of points per section, exact: points whose denominator divides the exam's unit add as integers in units of
 * 1/unit (no fraction reduced, nothing allocated per answer); any other (a rubric's third, an odd adjustment) adds
 * as a `Rational`. Either way the result is the exact sum.
 */
export class SectionSums {
  private readonly units: number[];
  private readonly rest: Rational[];

  constructor(
    sections: number,
    private readonly unit: number,
  ) {
    this.units = new Array<number>(sections).fill(0);
    this.rest = new Array<Rational>(sections).fill(Rational.ZERO);
  }

  add(section: number, points: Rational): void {
    if (points.numerator === 0) return;
    if (this.unit > 0 && this.unit % points.denominator === 0)
      this.units[section] = (this.units[section] ?? 0) + points.numerator * (this.unit / points.denominator);
    else this.rest[section] = (this.rest[section] ?? Rational.ZERO).plus(points);
  }

  /** The section's sum; throws, as `Rational` does, rather than round a sum past the safe integers. */
  of(section: number): Rational {
    const rest = this.rest[section] ?? Rational.ZERO;
    return this.unit > 0 ? Rational.of(this.units[section] ?? 0, this.unit).plus(rest) : rest;
  }
}
