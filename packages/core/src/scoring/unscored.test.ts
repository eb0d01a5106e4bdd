import { describe, expect, it } from 'vitest';
import { dropQuestion } from '../edit.js';
import { bundledExam, UNKNOWN_KEY_IDS } from '../test-support/bundled-exam.js';
import { score } from './score.js';
import { unscoredMarks } from './unscored.js';

describe('unscoredMarks', () => {
  it('says why the bundled 20-mark paper is scored out of 16: 8 half-mark questions without a key', () => {
    const exam = bundledExam();
    const unscored = unscoredMarks(exam);
    expect(unscored.paperMarks.toString()).toBe('20');
    expect(unscored.questions.map((q) => q.questionId)).toEqual([...UNKNOWN_KEY_IDS]);
    expect(new Set(unscored.questions.map((q) => `${q.reason} ${q.marks.toString()}`))).toEqual(
      new Set(['no-key 0.5']),
    );
    const left = unscored.questions.reduce((sum, q) => sum.plus(q.marks), score(exam, { answers: {} }).maximum);
    expect(left.toString()).toBe('20');
  });

  it('lists a question dropped from everyone as dropped, with its number; full marks to everyone is scored', () => {
    const exam = dropQuestion(
      dropQuestion(bundledExam(), 'l2-prior', 'exclude'),
      'perceptron-update-loss',
      'full-marks',
    );
    const [first] = unscoredMarks(exam).questions;
    expect(first).toMatchObject({ questionId: 'l2-prior', number: 1, reason: 'dropped' });
    expect(unscoredMarks(exam).questions.some((q) => q.questionId === 'perceptron-update-loss')).toBe(false);
    expect(score(exam, { answers: {} }).maximum.toString()).toBe('15.5');
  });
});
