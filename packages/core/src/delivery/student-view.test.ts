import { describe, expect, it } from 'vitest';
import { listQuestions } from '../exam-queries.js';
import { bundledExam } from '../test-support/bundled-exam.js';
import { studentView } from './student-view.js';
import { makeVariant } from './variant.js';

const exam = bundledExam();

describe('studentView', () => {
  it('carries no key material: no correct flags, explanations, solutions, rubrics, notes or instructor titles', () => {
    const view = JSON.stringify(
      studentView(exam, makeVariant(exam, 'seed', { shuffleQuestions: true, shuffleOptions: true })),
    );
    for (const { question } of listQuestions(exam)) {
      for (const secret of [
        question.explanation,
        question.note,
        question.title,
        ...(question.kind === 'free' ? [question.solution, ...question.rubric.map((r) => r.text)] : []),
      ]) {
        if (secret) expect(view).not.toContain(JSON.stringify(secret).slice(1, 40));
      }
    }
    expect(view).not.toMatch(/"correct"|"keyUnknown"|"rubric"|"explanation"|"solution"|"note"|"dropped"/);
  });

  it('shows each student their own stable order, with canonical letters on the options', () => {
    const settings = { shuffleQuestions: true, shuffleOptions: true };
    const a = studentView(exam, makeVariant(exam, 'sitting:student-a', settings));
    const again = studentView(exam, makeVariant(exam, 'sitting:student-a', settings));
    const b = studentView(exam, makeVariant(exam, 'sitting:student-b', settings));
    expect(again).toEqual(a);
    const order = (view: typeof a) => view.sections[0]?.questions.map((q) => q.id).join();
    expect(order(a)).not.toEqual(order(b));
    const l2 = a.sections[0]?.questions.find((q) => q.id === 'l2-prior');
    expect(l2?.options?.map((o) => o.letter).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(l2?.options?.find((o) => o.letter === 'b')?.text).toBe('Gaussian');
    expect(a.sections.map((s) => s.questions.length)).toEqual([26, 2, 1]);
  });

  it('leaves the paper-only instructions out: online there is no box to fill', () => {
    const view = studentView(exam, makeVariant(exam, 'seed', { shuffleQuestions: false, shuffleOptions: false }));
    expect(view.instructions).toContain('negative marking of 0.5');
    expect(view.instructions).not.toMatch(/filled completely|paper-only/);
  });
});
