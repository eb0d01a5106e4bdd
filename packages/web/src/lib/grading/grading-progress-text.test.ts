import { describe, expect, it } from 'vitest';
import { describeGradingLeft, describeProgress } from './grading-progress-text.js';

const question = (answers: number, graded: number, inProgressByOthers = 0) => ({
  questionId: 'q',
  number: 1,
  answers,
  graded,
  ungraded: answers - graded,
  inProgressByOthers,
});

describe('grading progress in words', () => {
  it('says how much of a question is graded and what others hold', () => {
    expect(describeProgress(question(300, 37, 4))).toBe('37 of 300 graded, 4 in progress by others');
    expect(describeProgress(question(15, 15))).toBe('15 of 15 graded');
  });

  it('says how much is left over every written question', () => {
    expect(describeGradingLeft([question(30, 0), question(10, 10)])).toBe('30 of 40 written answers to grade');
    expect(describeGradingLeft([question(10, 10)])).toBe('all 10 written answers graded');
    expect(describeGradingLeft([question(0, 0)])).toBe('no written answers to grade yet');
  });
});
