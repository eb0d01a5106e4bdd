import { describe, expect, it } from 'vitest';
import {
  describeCounter,
  describeLength,
  lengthAnnouncement,
  lengthState,
  refusalMessage,
  tooLongToSubmit,
} from './answer-length.js';

describe('answer length', () => {
  it('is within, near (its last tenth) or over the limit', () => {
    expect([0, 44_999, 45_000, 50_000, 50_001].map((length) => lengthState(length))).toEqual([
      'within',
      'within',
      'near',
      'near',
      'over',
    ]);
  });

  it('counts against the limit in words', () => {
    expect(describeLength(1234)).toBe('1,234 of 50,000 characters');
    expect(describeCounter(50_000)).toBe('50,000 of 50,000 characters');
    expect(describeCounter(50_120)).toBe('50,120 of 50,000 characters — 120 over the limit, not saved');
    expect(lengthAnnouncement('within', 10)).toBe('');
    expect(lengthAnnouncement('near', 46_000)).toBe('Your answer is near the limit: 46,000 of 50,000 characters');
    expect(lengthAnnouncement('over', 50_120)).toBe(
      'Your answer is 120 characters over the limit of 50,000 and will not be saved',
    );
  });

  it('names the question that was not saved and says what to do', () => {
    expect(refusalMessage(27, { length: 50_120, limit: 50_000 })).toBe(
      'Question 27 is not saved: your answer is 50,120 characters long and the limit is 50,000. ' +
        'Shorten it by 120 characters to save it; your other answers are saved.',
    );
  });

  it('says which questions stop a submit', () => {
    expect(tooLongToSubmit([27])).toBe(
      'Question 27 is too long to save: shorten it to at most 50,000 characters, then submit. Nothing was submitted.',
    );
    expect(tooLongToSubmit([3, 27])).toMatch(/^Questions 3, 27 are too long to save: shorten them/);
  });
});
