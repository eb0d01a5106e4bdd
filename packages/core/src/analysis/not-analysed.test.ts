import { describe, expect, it } from 'vitest';
import { notAnalysedReason } from './not-analysed.js';

const question = { keyUnknown: false, bonus: false };

describe('notAnalysedReason', () => {
  it('names the scoring decision that left the question out, before anything about the class', () => {
    expect(notAnalysedReason({ ...question, dropped: 'exclude', keyUnknown: true }, 30)).toBe('dropped (excluded)');
    expect(notAnalysedReason({ ...question, dropped: 'full-marks' }, 30)).toBe('dropped (full marks to all)');
    expect(notAnalysedReason({ ...question, keyUnknown: true }, 0)).toBe('its key is unknown: not scored');
    expect(notAnalysedReason({ ...question, bonus: true }, 30)).toBe('a bonus question: not in the maximum');
  });

  it('otherwise says whether there was anyone to analyse', () => {
    expect(notAnalysedReason(question, 0)).toBe('no finished answers to analyse');
    expect(notAnalysedReason(question, 12)).toBe('no marks to analyse');
  });
});
