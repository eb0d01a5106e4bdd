import { describe, expect, it } from 'vitest';
import { unscoredSentence } from './unscored-marks.js';

describe('unscoredSentence', () => {
  const unscored = {
    paperMarks: '20',
    questions: [
      { questionId: 'q-foo', number: 3, marks: '2', reason: 'no-key' as const },
      { questionId: 'q-bar', number: 7, marks: '1.5', reason: 'dropped' as const },
      { questionId: 'q-baz', number: 9, marks: '1/2', reason: 'no-key' as const },
    ],
  };

  it('adds up the marks left out and says why each question is not scored', () => {
    expect(unscoredSentence('16', unscored, (q) => q.questionId)).toBe(
      "16 of the paper's 20 marks are scored: 4 marks are in questions not scored (q-foo: no key; q-bar: dropped; q-baz: no key).",
    );
  });

  it('says "mark is" for one mark and uses the label it is given', () => {
    const one = {
      paperMarks: '5',
      questions: [{ questionId: 'q', number: 2, marks: '1', reason: 'dropped' as const }],
    };
    expect(unscoredSentence('4', one, (q) => `question ${q.number}`)).toBe(
      "4 of the paper's 5 marks are scored: 1 mark is in questions not scored (question 2: dropped).",
    );
  });
});
