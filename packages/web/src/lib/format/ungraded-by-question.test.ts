import { describe, expect, it } from 'vitest';
import { ungradedByQuestion, ungradedPhrase } from './ungraded-by-question.js';

describe('ungradedByQuestion', () => {
  const columns = [
    { questionId: 'l2-prior', label: 'Q1' },
    { questionId: 'wasserstein-vs-js', label: 'Q27' },
    { questionId: 'chain-rule', label: 'Q28' },
  ];

  it('counts each question in column order and leaves out questions with nothing left', () => {
    const rows = [
      { ungraded: ['chain-rule', 'wasserstein-vs-js'] },
      { ungraded: ['wasserstein-vs-js'] },
      { ungraded: [] },
    ];
    expect(ungradedByQuestion(rows, columns)).toEqual([
      { questionId: 'wasserstein-vs-js', label: 'Q27', ungraded: 2 },
      { questionId: 'chain-rule', label: 'Q28', ungraded: 1 },
    ]);
  });

  it('keeps a question the columns do not name, under its id', () => {
    expect(ungradedByQuestion([{ ungraded: ['extra'] }], columns)).toEqual([
      { questionId: 'extra', label: 'extra', ungraded: 1 },
    ]);
  });

  it('says nothing is left when every answer is graded', () => {
    expect(ungradedByQuestion([{ ungraded: [] }], columns)).toEqual([]);
    expect([ungradedPhrase(1), ungradedPhrase(3)]).toEqual(['1 ungraded answer', '3 ungraded answers']);
  });
});
