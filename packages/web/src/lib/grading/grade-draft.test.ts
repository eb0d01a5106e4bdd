import { describe, expect, it } from 'vitest';
import { draftOf, draftPoints, draftProblem, gradeInputOf, toggleItem } from './grade-draft.js';

const rubric = [
  { id: 'js-constant', points: '1' },
  { id: 'w1-gradient', points: '1' },
];
const empty = draftOf(undefined);

describe('grade drafts', () => {
  it('toggles items and sends them in rubric order', () => {
    const draft = toggleItem(toggleItem(empty, 'w1-gradient'), 'js-constant');
    expect(gradeInputOf(rubric, draft)).toEqual({ items: ['js-constant', 'w1-gradient'] });
    expect(toggleItem(draft, 'w1-gradient').items).toEqual(['js-constant']);
  });

  it('needs a reason for a non-zero adjustment and exact points for it', () => {
    expect(draftProblem({ ...empty, adjustment: '-0.5' })).toBe('Say why the points are adjusted.');
    expect(draftProblem({ ...empty, adjustment: 'half' })).toMatch(/number of points/);
    expect(draftProblem({ ...empty, adjustment: '1e-2', reason: 'x' })).toMatch(/number of points/);
    expect(draftProblem({ ...empty, adjustment: '0' })).toBeUndefined();
    expect(draftProblem({ ...empty, adjustment: '1/3', reason: 'sign slip' })).toBeUndefined();
  });

  it('computes points as the server does: items plus adjustment, clamped to the marks', () => {
    const both = { ...empty, items: ['js-constant', 'w1-gradient'] };
    expect(draftPoints(rubric, '2', both)).toBe('2');
    expect(draftPoints(rubric, '2', { ...both, adjustment: '1', reason: 'x' })).toBe('2');
    expect(draftPoints(rubric, '2', { ...empty, adjustment: '-1', reason: 'x' })).toBe('0');
    expect(draftPoints(rubric, '2', { ...empty, items: ['js-constant'], adjustment: '-0.5', reason: 'x' })).toBe('0.5');
  });

  it('starts from the marks under negative grading: deductions take points off, never below 0', () => {
    const deductions = [
      { id: 'sign-error', points: '-0.5' },
      { id: 'no-derivation', points: '-2' },
    ];
    expect(draftPoints(deductions, '2', empty, 'full')).toBe('2');
    expect(draftPoints(deductions, '2', { ...empty, items: ['sign-error'] }, 'full')).toBe('1.5');
    expect(draftPoints(deductions, '2', { ...empty, items: ['sign-error', 'no-derivation'] }, 'full')).toBe('0');
  });

  it('leaves out a zero adjustment and an empty comment, and trims what it sends', () => {
    expect(gradeInputOf(rubric, { ...empty, adjustment: '0', reason: 'none', comment: '  ' })).toEqual({ items: [] });
    expect(gradeInputOf(rubric, { ...empty, adjustment: ' -1 ', reason: ' late ', comment: ' good ' })).toEqual({
      items: [],
      adjustment: '-1',
      adjustmentReason: 'late',
      comment: 'good',
    });
  });

  it('starts from a saved grade', () => {
    const saved = { items: ['w1-gradient'], comment: 'ok', points: '1', gradedBy: 'A', gradedAt: '', version: 2 };
    expect(draftOf(saved)).toEqual({ items: ['w1-gradient'], adjustment: '', reason: '', comment: 'ok' });
  });
});
