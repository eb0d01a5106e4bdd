import { Rational } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { summarizeScoreChanges } from './score-changes.js';

const total = (studentNumber: string, before: number, after: number) => ({
  studentNumber,
  name: `Student ${studentNumber}`,
  before: Rational.of(before * 2, 2),
  after: Rational.of(after * 2, 2),
});

describe('summarizeScoreChanges', () => {
  it('groups the students whose total moves, largest gain first, and counts the rest as unchanged', () => {
    const summary = summarizeScoreChanges([
      total('s3', 1, 0),
      total('s1', 0.5, 1.5),
      total('s2', 2, 2),
      total('s0', 1, 0),
    ]);
    expect(summary.unchanged).toBe(1);
    expect(summary.changes).toEqual([
      { change: '1', students: 1 },
      { change: '-1', students: 2 },
    ]);
    expect(summary.students.map((row) => [row.studentNumber, row.before, row.after, row.change])).toEqual([
      ['s1', '0.5', '1.5', '1'],
      ['s0', '1', '0', '-1'],
      ['s3', '1', '0', '-1'],
    ]);
  });
});
