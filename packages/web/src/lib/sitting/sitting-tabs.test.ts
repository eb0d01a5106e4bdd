import { describe, expect, it } from 'vitest';
import { movedTabIndex, tabAttention, tabOfPath, visibleTabs } from './sitting-tabs.js';

describe('the sitting’s tabs', () => {
  it('hides the roster and the audit trail from graders', () => {
    expect(visibleTabs(false).map((tab) => tab.id)).toEqual([
      'overview',
      'monitor',
      'results',
      'statistics',
      'grading',
      'paper',
      'review',
    ]);
    expect(visibleTabs(true)).toHaveLength(9);
  });

  it('reads the tab from the address, deeper pages included', () => {
    const base = '/instructor/sittings/s1';
    expect(tabOfPath(base, base)).toBe('overview');
    expect(tabOfPath(`${base}/`, base)).toBe('overview');
    expect(tabOfPath(`${base}/grading`, base)).toBe('grading');
    expect(tabOfPath(`${base}/statistics/`, base)).toBe('statistics');
    expect(tabOfPath(`${base}/nonsense`, base)).toBe('overview');
  });

  it('moves with the arrow keys, wrapping at the ends, and jumps with Home and End', () => {
    expect([
      movedTabIndex(0, 'ArrowRight', 3),
      movedTabIndex(2, 'ArrowRight', 3),
      movedTabIndex(0, 'ArrowLeft', 3),
      movedTabIndex(1, 'Home', 3),
      movedTabIndex(1, 'End', 3),
      movedTabIndex(1, 'Enter', 3),
    ]).toEqual([1, 0, 2, 0, 2, undefined]);
  });

  it('shows on each tab what waits there, and nothing when nothing does', () => {
    const attention = { working: 2, notStarted: 18, toGrade: 0, openRegrades: 1, toReview: undefined };
    expect(tabAttention('monitor', attention)).toBe('2 working, 18 not started');
    expect(tabAttention('grading', attention)).toBe('1 regrade request');
    expect(tabAttention('review', attention)).toBeUndefined();
    expect(tabAttention('results', attention)).toBeUndefined();
  });
});
