import { describe, expect, it } from 'vitest';
import { relabelReason } from './results.js';

describe('relabelReason', () => {
  it('names options by the labels the student saw', () => {
    // The student saw canonical (c) first, (a) second, (d) third, (b) fourth.
    const shown = ['c', 'a', 'd', 'b'];
    expect(relabelReason('(c) is wrong, the key is (b): −0.5 (negative marking)', shown)).toBe(
      '(a) is wrong, the key is (d): −0.5 (negative marking)',
    );
    expect(relabelReason('tick on (a): not a complete fill, so not an answer: 0, no penalty', shown)).toBe(
      'tick on (b): not a complete fill, so not an answer: 0, no penalty',
    );
  });

  it('leaves reasons alone when options were not shuffled or the question has none', () => {
    expect(relabelReason('(b) is correct: +0.5', undefined)).toBe('(b) is correct: +0.5');
    expect(relabelReason('rubric: js-constant +1: 1', ['a', 'b'])).toBe('rubric: js-constant +1: 1');
  });
});
