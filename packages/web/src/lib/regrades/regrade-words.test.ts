import { describe, expect, it } from 'vitest';
import { charactersLeft, REGRADE_TEXT_LIMIT, regradeStatusWords } from './regrade-words.js';

describe('regrade words', () => {
  it('counts characters against the server’s limit, and says how far over it a text is', () => {
    expect(charactersLeft('')).toBe('0 of 5,000 characters');
    expect(charactersLeft('x'.repeat(REGRADE_TEXT_LIMIT))).toBe('5,000 of 5,000 characters');
    expect(charactersLeft('x'.repeat(REGRADE_TEXT_LIMIT + 12))).toBe('12 characters over the limit of 5,000');
  });

  it('names every status in words', () => {
    expect(['open', 'accepted', 'declined', 'withdrawn'].map((s) => regradeStatusWords(s as 'open'))).toEqual([
      'Waiting for an answer',
      'Accepted',
      'Declined',
      'Withdrawn',
    ]);
  });
});
