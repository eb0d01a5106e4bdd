import { describe, expect, it } from 'vitest';
import { reviewKeyAction, type ReviewKeyContext } from './review-keys.js';

// Printed labels A–D stand for canonical options c, a, d, b on this student's sheet.
const bubbles = ['c', 'a', 'd', 'b'].map((option, index) => ({
  option,
  label: 'ABCD'[index]!,
  kind: 'empty' as const,
  confidence: 1,
}));
const single: ReviewKeyContext = { bubbles, questionKind: 'single', pending: [] };

describe('review keys', () => {
  it('chooses by the printed label and records the canonical option', () => {
    expect(reviewKeyAction('a', single)).toEqual({ kind: 'decide', decision: { kind: 'choice', selected: ['c'] } });
    expect(reviewKeyAction('D', single)).toEqual({ kind: 'decide', decision: { kind: 'choice', selected: ['b'] } });
  });

  it('accepts the reading with Enter, records a blank with 0 or Backspace, moves with arrows and j/k', () => {
    expect(reviewKeyAction('Enter', single)).toEqual({ kind: 'decide', decision: { kind: 'accept' } });
    expect(reviewKeyAction('0', single)).toEqual({ kind: 'decide', decision: { kind: 'blank' } });
    expect(reviewKeyAction('Backspace', single)).toEqual({ kind: 'decide', decision: { kind: 'blank' } });
    expect(reviewKeyAction('j', single)).toEqual({ kind: 'move', by: 1 });
    expect(reviewKeyAction('ArrowUp', single)).toEqual({ kind: 'move', by: -1 });
    expect(reviewKeyAction('e', single)).toEqual({ kind: 'none' });
  });

  it('on a multiple-answer question, letters toggle options and Enter records them', () => {
    const multiple: ReviewKeyContext = { bubbles, questionKind: 'multiple', pending: ['d', 'a'] };
    expect(reviewKeyAction('b', multiple)).toEqual({ kind: 'toggle', option: 'a' });
    expect(reviewKeyAction('Enter', multiple)).toEqual({
      kind: 'decide',
      decision: { kind: 'choice', selected: ['a', 'd'] },
    });
  });
});
