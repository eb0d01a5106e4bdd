import type { AttemptState } from '@examforge/server/api';
import { describe, expect, it } from 'vitest';
import { entryOf, isAnswered, mergeAnswers } from './answer-book.js';

describe('mergeAnswers', () => {
  const server: AttemptState['answers'] = {
    q1: { answer: { kind: 'choice', selected: ['a'] }, flagged: false, seq: 4 },
    q2: { answer: { kind: 'numeric', value: 7 }, flagged: true, seq: 6 },
  };

  it('lets an outbox save win when its seq is higher', () => {
    const merged = mergeAnswers(server, [
      { seq: 7, questionId: 'q1', answer: { kind: 'choice', selected: ['c'] }, flagged: true },
    ]);
    expect(merged.book.q1).toEqual({ answer: { kind: 'choice', selected: ['c'] }, flagged: true });
    expect(merged.book.q2).toEqual({ answer: { kind: 'numeric', value: 7 }, flagged: true });
    expect(merged.staleSeqs).toEqual([]);
  });

  it('keeps the server’s answer when it is newer or the same save, and marks the outbox save stale', () => {
    const merged = mergeAnswers(server, [
      { seq: 5, questionId: 'q2', answer: { kind: 'blank' }, flagged: false },
      { seq: 4, questionId: 'q1', answer: { kind: 'choice', selected: ['a'] }, flagged: false },
    ]);
    expect(merged.book.q2).toEqual({ answer: { kind: 'numeric', value: 7 }, flagged: true });
    expect(merged.staleSeqs).toEqual([5, 4]);
  });

  it('adds questions only the outbox knows', () => {
    const merged = mergeAnswers({}, [
      { seq: 1, questionId: 'q9', answer: { kind: 'text', text: 'hi' }, flagged: false },
    ]);
    expect(entryOf(merged.book, 'q9').answer).toEqual({ kind: 'text', text: 'hi' });
    expect(entryOf(merged.book, 'q1')).toEqual({ answer: { kind: 'blank' }, flagged: false });
  });
});

describe('isAnswered', () => {
  it('counts empty choices and whitespace as unanswered', () => {
    expect(isAnswered({ kind: 'blank' })).toBe(false);
    expect(isAnswered({ kind: 'choice', selected: [] })).toBe(false);
    expect(isAnswered({ kind: 'text', text: '  ' })).toBe(false);
    expect(isAnswered({ kind: 'numeric', value: 0 })).toBe(true);
  });
});
