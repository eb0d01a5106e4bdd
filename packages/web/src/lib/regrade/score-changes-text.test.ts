import { describe, expect, it } from 'vitest';
import { describeScoreChanges, formatChange } from './score-changes-text.js';

describe('describeScoreChanges', () => {
  it('says who gains and who loses how much, then who stays', () => {
    const changes = [
      { change: '1', students: 2 },
      { change: '-0.5', students: 1 },
    ];
    expect(describeScoreChanges({ attempts: 4, unchanged: 1, changes })).toBe(
      '2 students gain 1 mark; 1 student loses 0.5 marks; 1 stays as before.',
    );
  });

  it('says when nothing changes, or nobody has an attempt yet', () => {
    expect(describeScoreChanges({ attempts: 3, unchanged: 3, changes: [] })).toBe(
      'Nobody’s total changes (3 students).',
    );
    expect(describeScoreChanges({ attempts: 0, unchanged: 0, changes: [] })).toMatch(/^No student has an attempt yet/);
  });
});

describe('formatChange', () => {
  it('signs every change, with a true minus sign', () => {
    expect([formatChange('1'), formatChange('-0.5'), formatChange('0'), formatChange('1/3')]).toEqual([
      '+1',
      '−0.5',
      '0',
      '+1/3',
    ]);
  });
});
