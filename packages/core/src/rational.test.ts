import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from './rational.js';

const r = (text: string) => {
  const value = Rational.parse(text);
  if (!value) throw new Error(`cannot parse ${text}`);
  return value;
};

describe('Rational', () => {
  it.each([
    ['0.5', '1/2'],
    ['-0.25', '-1/4'],
    ['1/3', '1/3'],
    ['2/4', '1/2'],
    ['3', '3/1'],
    ['1e-2', '1/100'],
    ['.5', '1/2'],
    ['+2', '2/1'],
  ])('parses %s exactly as %s', (text, fraction) => {
    const value = r(text);
    expect(`${value.numerator}/${value.denominator}`).toBe(fraction);
  });

  it.each(['', 'x', '1/0', '1.2.3', '--1', '1/-2', 'NaN', '1e400'])('rejects %j', (text) => {
    expect(Rational.parse(text)).toBeUndefined();
  });

  it('sums 0.1 ten times to exactly 1, where doubles give 0.9999999999999999', () => {
    const tenth = r('0.1');
    expect(Rational.sum(Array.from({ length: 10 }, () => tenth)).toString()).toBe('1');
    expect(Array.from({ length: 10 }, () => 0.1).reduce((a, b) => a + b)).not.toBe(1);
  });

  it('keeps 26 × 0.5 with penalties exact', () => {
    const points = [...Array.from({ length: 17 }, () => r('0.5')), ...Array.from({ length: 9 }, () => r('-0.5'))];
    expect(Rational.sum(points).toString()).toBe('4');
  });

  it('prints decimals when finite and fractions otherwise, and reads them back', () => {
    expect(r('1/8').toString()).toBe('0.125');
    expect(r('-1/3').toString()).toBe('-1/3');
    expect(r('2/3').format(2)).toBe('0.67');
    expect(r('-1/6').toFixed(3)).toBe('-0.167');
    expect(r('-1/1000').toFixed(2)).toBe('0.00');
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        const value = Rational.of(n, d);
        expect(Rational.parse(value.toString())?.equals(value)).toBe(true);
      }),
    );
  });

  it('recovers the decimal a YAML number was written as', () => {
    expect(Rational.fromNumber(0.1)?.toString()).toBe('0.1');
    expect(Rational.fromNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('obeys the field laws on small values', () => {
    const small = fc
      .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 12 }))
      .map(([n, d]) => Rational.of(n, d));
    fc.assert(
      fc.property(small, small, small, (a, b, c) => {
        expect(a.plus(b).equals(b.plus(a))).toBe(true);
        expect(
          a
            .plus(b)
            .plus(c)
            .equals(a.plus(b.plus(c))),
        ).toBe(true);
        expect(a.times(b.plus(c)).equals(a.times(b).plus(a.times(c)))).toBe(true);
        expect(a.minus(a).isZero()).toBe(true);
        expect(Math.abs(a.plus(b).toNumber() - (a.toNumber() + b.toNumber()))).toBeLessThan(1e-9);
      }),
    );
  });

  it('clamps and compares', () => {
    expect(r('5').clamp(Rational.ZERO, r('2')).toString()).toBe('2');
    expect(r('-1').clamp(Rational.ZERO, r('2')).toString()).toBe('0');
    expect(r('1/3').compare(r('0.33'))).toBe(1);
  });

  it('refuses to leave the safe-integer range rather than round', () => {
    expect(() => Rational.of(Number.MAX_SAFE_INTEGER, 1).times(10)).toThrow(RangeError);
    expect(() => Rational.ONE.dividedBy(0)).toThrow(RangeError);
  });
});
