import { describe, expect, it } from 'vitest';
import { dropQuestion } from '../edit.js';
import { Rational } from '../rational.js';
import type { Grade, Response, StudentResponses } from '../scoring/responses.js';
import { score } from '../scoring/score.js';
import { bundledExam } from '../test-support/bundled-exam.js';
import { rubricUsage } from './rubric-usage.js';

const TEXT: Response = { kind: 'text', text: 'an answer' };

/** One student's written answer to the W-distance question, with the grade given (or none). */
function student(grade: Grade | undefined, answer: Response = TEXT): StudentResponses {
  return {
    answers: { 'wasserstein-vs-js': answer },
    grades: grade ? { 'wasserstein-vs-js': grade } : {},
  };
}

const rubric = (...items: string[]): Grade => ({ kind: 'rubric', items });

describe('rubric usage', () => {
  const exam = bundledExam();
  const scoredClass = (students: readonly StudentResponses[], on = exam) =>
    students.map((responses) => ({ responses, report: score(on, responses) }));

  it('counts the graded answers that carry each item, and the answers still ungraded apart', () => {
    const usage = rubricUsage(
      exam,
      scoredClass([
        student(rubric('js-constant', 'w1-gradient')),
        student(rubric('js-constant')),
        student({ kind: 'rubric', items: [], adjustment: Rational.of(1, 2) }),
        student({ kind: 'points', points: Rational.of(1) }),
        student(undefined),
        student(undefined),
        student(undefined, { kind: 'missing' }),
      ]),
    );
    expect(usage.map((question) => question.questionId)).toEqual([
      'wasserstein-vs-js',
      'causal-conv-autoregressive',
      'fisher-pruning-loss',
    ]);
    const wasserstein = usage[0];
    expect(wasserstein).toMatchObject({ graded: 4, ungraded: 2 });
    expect(wasserstein?.items).toEqual([
      expect.objectContaining({ id: 'js-constant', points: 1, count: 2, share: 0.5 }),
      expect.objectContaining({ id: 'w1-gradient', points: 1, count: 1, share: 0.25 }),
    ]);
  });

  it('ignores an item the rubric no longer holds, and an item named twice counts once', () => {
    const [wasserstein] = rubricUsage(exam, scoredClass([student(rubric('made-up', 'w1-gradient', 'w1-gradient'))]));
    expect(wasserstein?.items.map((item) => [item.id, item.count])).toEqual([
      ['js-constant', 0],
      ['w1-gradient', 1],
    ]);
  });

  it('has no share while nothing is graded, and leaves out a dropped question', () => {
    const [wasserstein] = rubricUsage(exam, scoredClass([student(undefined)]));
    expect(wasserstein).toMatchObject({ graded: 0, ungraded: 1 });
    expect(wasserstein?.items.every((item) => Number.isNaN(item.share))).toBe(true);
    const dropped = dropQuestion(exam, 'wasserstein-vs-js', 'exclude');
    const usage = rubricUsage(dropped, scoredClass([student(rubric('js-constant'))], dropped));
    expect(usage.map((question) => question.questionId)).not.toContain('wasserstein-vs-js');
  });
});
