import { describe, expect, it } from 'vitest';
import { advancedServerNow, isOpenAttempt, studentIdOf, withAcknowledgedSaves } from './kept-attempt.js';

const choice = (letter: string) => ({ kind: 'choice', selected: [letter] });
const kept = {
  status: 'open',
  serverNow: '2026-12-06T10:00:00.000Z',
  deadline: '2026-12-06T12:00:00.000Z',
  lastSeq: 3,
  exam: { id: 'e', sections: [] },
  answers: { q1: { answer: choice('a'), flagged: false, seq: 3 } },
};
const ack = (acknowledged: number[], extra: object = {}) => ({
  acknowledged,
  refused: [],
  lastSeq: Math.max(3, ...acknowledged),
  serverNow: '2026-12-06T10:05:00.000Z',
  deadline: '2026-12-06T12:10:00.000Z',
  ...extra,
});

describe('withAcknowledgedSaves', () => {
  it('adds each stored save, with the reply’s clock, deadline and last seq', () => {
    const sent = { saves: [{ seq: 4, questionId: 'q2', answer: choice('b'), flagged: true }] };
    expect(withAcknowledgedSaves(kept, sent, ack([4]))).toEqual({
      ...kept,
      serverNow: '2026-12-06T10:05:00.000Z',
      deadline: '2026-12-06T12:10:00.000Z',
      lastSeq: 4,
      answers: { ...kept.answers, q2: { answer: choice('b'), flagged: true, seq: 4 } },
    });
  });

  it('never lets an older save replace a newer one, and leaves out refused and unacknowledged saves', () => {
    const sent = {
      saves: [
        { seq: 2, questionId: 'q1', answer: choice('c'), flagged: false },
        { seq: 5, questionId: 'q2', answer: { kind: 'text', text: 'far too long' }, flagged: false },
        { seq: 6, questionId: 'q3', answer: choice('d'), flagged: false },
      ],
    };
    const refused = [{ seq: 5, questionId: 'q2', code: 'answer-too-long', message: '', length: 9, limit: 3 }];
    const updated = withAcknowledgedSaves(kept, sent, ack([2, 5], { refused }));
    expect(updated?.answers).toEqual(kept.answers);
  });

  it('gives up (so the copy is dropped) on a body that is not what the contract says', () => {
    expect(withAcknowledgedSaves(kept, { saves: [{ seq: 'x' }] }, ack([4]))).toBeUndefined();
    expect(withAcknowledgedSaves({ ...kept, status: 'submitted' }, { saves: [] }, ack([]))).toBeUndefined();
    expect(withAcknowledgedSaves(kept, { saves: [] }, { code: 'attempt-closed' })).toBeUndefined();
  });
});

describe('the kept copies', () => {
  it('are an open attempt with its questions, and a student, never staff', () => {
    expect(isOpenAttempt(kept)).toBe(true);
    expect(isOpenAttempt({ ...kept, status: 'expired' })).toBe(false);
    expect(isOpenAttempt({ ...kept, exam: undefined })).toBe(false);
    expect(studentIdOf({ kind: 'student', student: { id: 'st-1' } })).toBe('st-1');
    expect(studentIdOf({ kind: 'user', user: { id: 'u-1' } })).toBeUndefined();
  });

  it('move the server’s clock on by the time the copy was kept, so the countdown goes on', () => {
    expect(advancedServerNow(kept, 90_000).serverNow).toBe('2026-12-06T10:01:30.000Z');
    expect(advancedServerNow(kept, -5).serverNow).toBe(kept.serverNow);
  });
});
