import { describe, expect, it } from 'vitest';
import { faintBesideDark } from './faint-beside-dark.js';
import { NO_SHAPE } from './mark-features.js';
import type { BubbleReading } from './mark-rule.js';

const fill = (option: string, typical: number): BubbleReading => ({
  option,
  label: option,
  x: 0,
  y: 0,
  r: 10,
  reading: {
    kind: 'filled',
    confidence: 1,
    fillConfidence: 1,
    features: { ink: typical, ring: 0.7, typical, mean: typical, ...NO_SHAPE },
    ringProfile: new Float64Array(32),
  },
});

describe('a fill beside a much fainter one', () => {
  it('reads the faint one as the residue of an erased first choice', () => {
    const [dark, faint] = faintBesideDark([fill('a', 0.85), fill('b', 0.2)]);
    expect(dark?.reading.kind).toBe('filled');
    expect(faint?.reading).toMatchObject({ kind: 'erasure' });
    expect(faint?.reading.fillConfidence).toBeGreaterThanOrEqual(0.5);
  });

  it('leaves two answers as two answers: a light pencil fill beside a pen fill goes to a person', () => {
    const row = faintBesideDark([fill('a', 0.9), fill('b', 0.38)]);
    expect(row.map((bubble) => bubble.reading.kind)).toEqual(['filled', 'filled']);
  });

  it('sends a fainter fill as faint as residue can be, but not much fainter than the other, to a person', () => {
    // A light hand's changed answer: the residue is as dark as its pressure varies (drawn so by a light pencil).
    const [kept, unsure] = faintBesideDark([fill('a', 0.4), fill('b', 0.28)]);
    expect(kept?.reading).toMatchObject({ kind: 'filled', confidence: 1, fillConfidence: 1 });
    expect(unsure?.reading.kind).toBe('filled');
    expect(unsure?.reading.fillConfidence).toBeLessThan(0.5);
  });

  it('leaves a row with one fill as it is', () => {
    const row = [fill('a', 0.2)];
    expect(faintBesideDark(row)).toBe(row);
  });
});
