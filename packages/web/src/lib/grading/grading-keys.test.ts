import { describe, expect, it } from 'vitest';
import { gradingKeyAction } from './grading-keys.js';

describe('grading keys', () => {
  it('toggles rubric items with 1–9 and 0 for the tenth, and ignores numbers past the rubric', () => {
    expect(gradingKeyAction('1', 2)).toEqual({ kind: 'toggle', index: 0 });
    expect(gradingKeyAction('2', 2)).toEqual({ kind: 'toggle', index: 1 });
    expect(gradingKeyAction('3', 2)).toEqual({ kind: 'none' });
    expect(gradingKeyAction('0', 10)).toEqual({ kind: 'toggle', index: 9 });
    expect(gradingKeyAction('0', 9)).toEqual({ kind: 'none' });
  });

  it('saves with Enter (then the next ungraded answer) or s (staying), and moves with n/j, p/k and u', () => {
    expect(gradingKeyAction('Enter', 2)).toEqual({ kind: 'save', then: 'next-ungraded' });
    expect(gradingKeyAction('s', 2)).toEqual({ kind: 'save', then: 'stay' });
    expect(gradingKeyAction('N', 2)).toEqual({ kind: 'move', to: 'next' });
    expect(gradingKeyAction('k', 2)).toEqual({ kind: 'move', to: 'previous' });
    expect(gradingKeyAction('u', 2)).toEqual({ kind: 'move', to: 'next-ungraded' });
  });

  it('goes to the fields and changes the view of a scan', () => {
    expect(gradingKeyAction('c', 2)).toEqual({ kind: 'focus', field: 'comment' });
    expect(gradingKeyAction('f', 2)).toEqual({ kind: 'focus', field: 'flag' });
    expect(gradingKeyAction('+', 2)).toEqual({ kind: 'view', change: 'zoom-in' });
    expect(gradingKeyAction('w', 2)).toEqual({ kind: 'view', change: 'whole-page' });
    expect(gradingKeyAction('x', 2)).toEqual({ kind: 'none' });
    expect(gradingKeyAction('Tab', 2)).toEqual({ kind: 'none' });
  });
});
