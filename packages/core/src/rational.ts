/**
 * Exact rational numbers for marks, penalties and totals.
 *
 * Scores are sums of values like 0.5, −0.5 and 1/3; binary floating point drifts on such sums
 * (0.1 + 0.2 ≠ 0.3), and a total that is off by 1e-15 sorts students wrongly and fails equality checks.
 * Numerators and denominators are kept as safe integers (marks have small denominators), which keeps
 * arithmetic fast; an operation that would leave the safe range throws instead of rounding silently.
 *
 * @example
 * const half = Rational.parse('0.5');
 * half.times(26).minus(Rational.parse('1.5')).toString(); // '11.5'
 */
export class Rational {
  static readonly ZERO = new Rational(0, 1);
  static readonly ONE = new Rational(1, 1);

  private constructor(
    readonly numerator: number,
    readonly denominator: number,
  ) {}

  /** Builds n/d in lowest terms with a positive denominator. */
  static of(numerator: number, denominator = 1): Rational {
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
      throw new RangeError(`Rational.of: ${numerator}/${denominator} is not a ratio of safe integers`);
    }
    const sign = denominator < 0 ? -1 : 1;
    const divisor = gcd(Math.abs(numerator), Math.abs(denominator)) || 1;
    return new Rational((sign * numerator) / divisor + 0, (sign * denominator) / divisor);
  }

  /** Parses `3`, `-0.25`, `1e-2`, `1/3`; returns undefined for anything else. */
  static parse(text: string): Rational | undefined {
    const trimmed = text.trim();
    const fraction = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(trimmed);
    if (fraction) {
      const denominator = Number(fraction[2]);
      return denominator === 0 ? undefined : Rational.of(Number(fraction[1]), denominator);
    }
    const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(trimmed);
    if (!decimal || (decimal[2] === '' && (decimal[3] ?? '') === '')) return undefined;
    const digits = `${decimal[2]}${decimal[3] ?? ''}`;
    const exponent = Number(decimal[4] ?? 0) - (decimal[3] ?? '').length;
    if (digits.length > 15 || Math.abs(exponent) > 15) return undefined;
    const magnitude = Number(digits) * (exponent > 0 ? 10 ** exponent : 1);
    const signed = decimal[1] === '-' ? -magnitude : magnitude;
    return Rational.of(signed, exponent < 0 ? 10 ** -exponent : 1);
  }

  /**
   * Converts a JavaScript number exactly as written: YAML gives `0.1` as the double nearest to 0.1,
   * whose shortest decimal form is "0.1" again, so going through that form recovers 1/10.
   */
  static fromNumber(value: number): Rational | undefined {
    return Number.isFinite(value) ? Rational.parse(String(value)) : undefined;
  }

  plus(other: Rational | number): Rational {
    const o = toRational(other);
    if (o.numerator === 0) return this;
    if (this.numerator === 0) return o;
    if (o.denominator === this.denominator) return Rational.of(this.numerator + o.numerator, this.denominator);
    return Rational.of(
      this.numerator * o.denominator + o.numerator * this.denominator,
      this.denominator * o.denominator,
    );
  }

  minus(other: Rational | number): Rational {
    return this.plus(toRational(other).negated());
  }

  times(other: Rational | number): Rational {
    const o = toRational(other);
    return Rational.of(this.numerator * o.numerator, this.denominator * o.denominator);
  }

  dividedBy(other: Rational | number): Rational {
    const o = toRational(other);
    if (o.numerator === 0) throw new RangeError('Rational.dividedBy: division by zero');
    return Rational.of(this.numerator * o.denominator, this.denominator * o.numerator);
  }

  negated(): Rational {
    return Rational.of(-this.numerator, this.denominator);
  }

  compare(other: Rational | number): -1 | 0 | 1 {
    const o = toRational(other);
    const difference = this.numerator * o.denominator - o.numerator * this.denominator;
    return difference < 0 ? -1 : difference > 0 ? 1 : 0;
  }

  equals(other: Rational | number): boolean {
    return this.compare(other) === 0;
  }

  isZero(): boolean {
    return this.numerator === 0;
  }

  isNegative(): boolean {
    return this.numerator < 0;
  }

  isPositive(): boolean {
    return this.numerator > 0;
  }

  /** Clamps into [low, high]. */
  clamp(low: Rational, high: Rational): Rational {
    return Rational.max(low, Rational.min(high, this));
  }

  static min(a: Rational, b: Rational): Rational {
    return a.compare(b) <= 0 ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.compare(b) >= 0 ? a : b;
  }

  static sum(values: Iterable<Rational>): Rational {
    let total = Rational.ZERO;
    for (const value of values) total = total.plus(value);
    return total;
  }

  /** The nearest double, for statistics and charts; never for sums of marks. */
  toNumber(): number {
    return this.numerator / this.denominator;
  }

  /** True when the value has a finite decimal expansion (the denominator has no prime factors but 2 and 5). */
  isDecimal(): boolean {
    let d = this.denominator;
    while (d % 2 === 0) d /= 2;
    while (d % 5 === 0) d /= 5;
    return d === 1;
  }

  /** Exact text: `0.5`, `-1.25`, `12`, or `1/3` when no finite decimal exists. `Rational.parse` reads it back. */
  toString(): string {
    if (!this.isDecimal()) return `${this.numerator}/${this.denominator}`;
    return this.toFixed(decimalPlaces(this.denominator));
  }

  /** Rounded decimal text with exactly `places` digits after the point, rounding half away from zero. */
  toFixed(places: number): string {
    const negative = this.numerator < 0;
    const scale = 10 ** places;
    const scaled = Math.abs(this.numerator) * scale;
    let whole = Math.floor(scaled / this.denominator);
    if ((scaled % this.denominator) * 2 >= this.denominator) whole += 1;
    const digits = String(whole).padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative && whole !== 0 ? `-${text}` : text;
  }

  /** Short display text: exact when it has at most `places` decimals, otherwise rounded. */
  format(places = 2): string {
    if (this.isDecimal() && decimalPlaces(this.denominator) <= places) return this.toString();
    return this.toFixed(places);
  }
}

function toRational(value: Rational | number): Rational {
  return typeof value === 'number' ? Rational.of(value) : value;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function decimalPlaces(denominator: number): number {
  let places = 0;
  let d = denominator;
  while (d !== 1) {
    // d divides a power of ten here (isDecimal), so multiplying by 10 and reducing always terminates.
    d = d / gcd(d, 10);
    places += 1;
  }
  return places;
}
