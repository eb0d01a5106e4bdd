import { describe, expect, it } from 'vitest';
import { parseExam } from '../format/parse.js';
import { bundledExam, bundledExamText } from '../test-support/bundled-exam.js';
import { isLongResponseTable, pivotLongResponses } from './long-responses.js';
import { readResponseTable } from './response-table.js';

const exam = bundledExam();
const HEADER = ['student', 'name', 'question', 'answer', 'score', 'rubric items', 'adjustment', 'comment'];
const row = (student: string, question: string, answer: string, items = '', adjustment = '') => [
  student,
  `Name ${student}`,
  question,
  answer,
  '',
  items,
  adjustment,
  '',
];

describe('long responses tables (the server export)', () => {
  it('tells the long table from the wide one by its header', () => {
    expect(isLongResponseTable(HEADER)).toBe(true);
    expect(isLongResponseTable(['student', 'name', 'l2-prior', 'wasserstein-vs-js'])).toBe(false);
  });

  it('pivots answers as they are and written answers into their grades', () => {
    const wide = pivotLongResponses(exam, [
      HEADER,
      row('s1', 'l2-prior', 'B tick(C)'),
      row('s1', 'masked-softmax', 'D'),
      row('s1', 'wasserstein-vs-js', 'JS is constant, W1 is not', 'js-constant w1-gradient'),
      row('s2', 'l2-prior', '-'),
      row('s2', 'wasserstein-vs-js', 'typed', 'js-constant', '-0.25'),
      row('s3', 'wasserstein-vs-js', 'not graded yet'),
      row('s4', 'wasserstein-vs-js', '-'),
      row('s5', 'wasserstein-vs-js', 'graded, nothing applies', '-'),
    ]);
    expect(wide).toEqual([
      ['student', 'name', 'l2-prior', 'masked-softmax', 'wasserstein-vs-js'],
      ['s1', 'Name s1', 'B tick(C)', 'D', 'rubric(js-constant w1-gradient)'],
      ['s2', 'Name s2', '-', '', '0.75'],
      ['s3', 'Name s3', '', '', ''],
      ['s4', 'Name s4', '', '', '-'],
      ['s5', 'Name s5', '', '', 'rubric()'],
    ]);
    const table = readResponseTable(exam, wide);
    expect(table.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(table.students[1]?.responses.grades?.['wasserstein-vs-js']).toMatchObject({ kind: 'points' });
    expect(table.students[4]?.responses.grades?.['wasserstein-vs-js']).toEqual({ kind: 'rubric', items: [] });
  });

  it('passes unknown items and unreadable adjustments on, for the table reader to report', () => {
    const wide = pivotLongResponses(exam, [
      HEADER,
      row('s1', 'wasserstein-vs-js', 'x', 'made-up', '0.5'),
      row('s2', 'wasserstein-vs-js', 'x', 'js-constant', 'lots'),
    ]);
    expect(wide.slice(1).map((cells) => cells[2])).toEqual(['rubric(made-up)', 'lots']);
    const errors = readResponseTable(exam, wide).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual(['wasserstein-vs-js: cannot read "lots"']);
  });
});

describe('a negatively graded question', () => {
  it('gives an adjusted grade the points the rubric gives from full marks', () => {
    const source = bundledExamText().replace(
      '### Rubric\n\n- (1) Shows that $JS',
      '### Rubric {from=full}\n\n- (-0.5) Misses that $JS',
    );
    expect(source).toContain('{from=full}');
    const parsed = parseExam(source);
    if (!parsed.ok) throw new Error('the edited exam does not parse');
    const wide = pivotLongResponses(parsed.exam, [HEADER, row('s1', 'wasserstein-vs-js', 'x', 'js-constant', '0.5')]);
    // 2 marks, minus 0.5 for the deduction, plus the 0.5 adjustment (from 0 it would be 0).
    expect(wide[1]?.[2]).toBe('2');
  });
});
