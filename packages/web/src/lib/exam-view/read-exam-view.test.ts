import { makeVariant, parseExam, studentView } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import source from '../../../../../exams/dl-endsem-winter-2025/exam.md?raw';
import { questionsOf, readExamView } from './read-exam-view.js';
import { reviewSummary } from './review-summary.js';

function bundledView() {
  const parsed = parseExam(source);
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return studentView(parsed.exam, makeVariant(parsed.exam, 'seed', { shuffleQuestions: false, shuffleOptions: true }));
}

describe('readExamView', () => {
  it('reads what the server sends for the bundled exam, unchanged', () => {
    const view = bundledView();
    const sent: unknown = JSON.parse(JSON.stringify(view));
    expect(readExamView(sent)).toEqual(view);
    expect(questionsOf(view)).toHaveLength(29);
  });

  it('refuses a shape it does not know', () => {
    expect(readExamView(undefined)).toBeUndefined();
    expect(
      readExamView({ id: 'x', title: 't', duration: 1, sections: [{ id: 's', title: 's', questions: [1] }] }),
    ).toBe(undefined);
    const wrongKind = { id: 'q', number: 1, kind: 'essay', stem: '', marks: '1', penalty: '0' };
    expect(
      readExamView({ id: 'x', title: 't', duration: 1, sections: [{ id: 's', title: 's', questions: [wrongKind] }] }),
    ).toBe(undefined);
  });
});

describe('reviewSummary', () => {
  it('lists unanswered and flagged questions in the order shown', () => {
    const view = bundledView();
    const [first, second] = questionsOf(view);
    const summary = reviewSummary(view, {
      [first!.id]: { answer: { kind: 'choice', selected: ['b'] }, flagged: true },
      [second!.id]: { answer: { kind: 'blank' }, flagged: true },
    });
    expect(summary.answered).toBe(1);
    expect(summary.unanswered).toHaveLength(28);
    expect(summary.unanswered[0]).toBe(second);
    expect(summary.flagged).toEqual([first, second]);
  });
});
