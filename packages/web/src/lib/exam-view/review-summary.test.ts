import type { StudentExamView } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import type { AnswerBook } from '../answers/answer-book.js';
import { reviewSummary } from './review-summary.js';

const question = (id: string, number: number) => ({
  id,
  number,
  kind: 'free' as const,
  stem: '',
  marks: '1',
  penalty: '0',
});
const VIEW: StudentExamView = {
  id: 'e',
  title: 'E',
  duration: 10,
  sections: [{ id: 's', title: 'S', questions: ['a', 'b', 'c', 'd'].map((id, index) => question(id, index + 1)) }],
};
const text = (value: string) => ({ answer: { kind: 'text' as const, text: value }, flagged: false });

describe('reviewSummary', () => {
  it('lists unanswered and flagged questions in the order shown', () => {
    const book: AnswerBook = { a: text('yes'), c: { answer: { kind: 'blank' }, flagged: true } };
    const summary = reviewSummary(VIEW, book);
    expect(summary.unanswered.map((q) => q.id)).toEqual(['b', 'c', 'd']);
    expect(summary.flagged.map((q) => q.id)).toEqual(['c']);
    expect(summary.answered).toBe(1);
    expect(summary.invalid).toEqual([]);
  });

  it('lists answers over the limit (refused or not yet sent) and answers not yet saved, in the order shown', () => {
    const book: AnswerBook = { a: text('x'.repeat(50_001)), b: text('short'), c: text('refused before') };
    const summary = reviewSummary(VIEW, book, { refused: new Set(['c']), waiting: new Set(['b', 'c']) });
    expect(summary.invalid.map(({ question: q, reason }) => [q.id, reason])).toEqual([
      ['a', 'too-long'],
      ['b', 'not-saved'],
      ['c', 'too-long'],
    ]);
  });
});
