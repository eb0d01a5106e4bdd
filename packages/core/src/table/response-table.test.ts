import { describe, expect, it } from 'vitest';
import { bundledExam } from '../test-support/bundled-exam.js';
import { formatResponseCell, readResponseCell } from './response-cell.js';
import { readResponseTable } from './response-table.js';

const exam = bundledExam();
const question = (id: string) => {
  const found = exam.sections.flatMap((s) => s.questions).find((q) => q.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('response cells', () => {
  it.each([
    ['B', { kind: 'choice', selected: ['b'] }],
    ['ac', { kind: 'choice', selected: ['a', 'c'] }],
    ['a, c', { kind: 'choice', selected: ['a', 'c'] }],
    ['', { kind: 'blank' }],
    ['B tick(C)', { kind: 'choice', selected: ['b'], invalidMarks: [{ mark: 'tick', option: 'c' }] }],
    [
      'partial(A) cross(D)',
      {
        kind: 'choice',
        selected: [],
        invalidMarks: [
          { mark: 'partial', option: 'a' },
          { mark: 'cross', option: 'd' },
        ],
      },
    ],
  ])('reads choice cell %j', (cell, response) => {
    expect(readResponseCell(question('l2-prior'), cell)).toEqual({ ok: true, response });
  });

  it.each([
    ['E', 'there is no option (e)'],
    ['maybe', 'cannot read "maybe"'],
    ['B?', 'cannot read "B?"'],
  ])('explains an unreadable choice cell %j', (cell, message) => {
    expect(readResponseCell(question('l2-prior'), cell)).toMatchObject({ ok: false, message });
  });

  it('reads free-response grades: points, rubric items, blank, not graded', () => {
    const free = question('wasserstein-vs-js');
    expect(readResponseCell(free, '1.5')).toMatchObject({ ok: true, grade: { kind: 'points' } });
    expect(readResponseCell(free, 'rubric(js-constant w1-gradient)')).toMatchObject({
      ok: true,
      grade: { kind: 'rubric', items: ['js-constant', 'w1-gradient'] },
    });
    expect(readResponseCell(free, '-')).toEqual({ ok: true, response: { kind: 'blank' } });
    expect(readResponseCell(free, '')).toEqual({ ok: true, response: { kind: 'text', text: '' } });
  });

  it('reads `missing` as an answer not read from the scan, for every kind of question, never as blank', () => {
    for (const id of ['l2-prior', 'batched-matmul', 'wasserstein-vs-js'])
      for (const cell of ['missing', ' MISSING ', 'Missing'])
        expect(readResponseCell(question(id), cell)).toEqual({ ok: true, response: { kind: 'missing' } });
    expect(formatResponseCell({ kind: 'missing' })).toBe('missing');
    expect(formatResponseCell({ kind: 'blank' })).not.toBe('missing');
  });

  it('reads `missing` back from a table written with it', () => {
    const table = readResponseTable(exam, [
      ['student', 'l2-prior', 'masked-softmax'],
      ['s1', formatResponseCell({ kind: 'missing' }), ''],
    ]);
    expect(table.students[0]?.responses.answers).toEqual({
      'l2-prior': { kind: 'missing' },
      'masked-softmax': { kind: 'blank' },
    });
  });

  it('writes cells that read back the same', () => {
    for (const cell of ['B', 'AC', 'B TICK(C)', 'PARTIAL(A)', 'UNCLEAR(D)', 'missing', '-']) {
      const reading = readResponseCell(question('l2-prior'), cell);
      if (!reading.ok) throw new Error(reading.message);
      const written = formatResponseCell(reading.response);
      expect(readResponseCell(question('l2-prior'), written)).toEqual(reading);
    }
  });
});

describe('response tables', () => {
  it('maps columns by id or number and keeps good rows', () => {
    const table = readResponseTable(exam, [
      ['student', 'name', 'l2-prior', 'Q23', '27'],
      ['s1', 'Asha', 'B', 'D', '2'],
      ['', '', '', '', ''],
      ['s2', '', '', 'A', ''],
    ]);
    expect(table.students.map((s) => s.student)).toEqual(['s1', 's2']);
    expect(table.students[0]?.responses.answers['masked-softmax']).toEqual({ kind: 'choice', selected: ['d'] });
    expect(table.students[0]?.responses.grades?.['wasserstein-vs-js']).toMatchObject({ kind: 'points' });
    expect(table.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'table-missing-columns' }),
    ]);
  });

  it.each([
    [
      [
        ['name', 'l2-prior'],
        ['Asha', 'B'],
      ],
      'table-no-student-column',
      1,
      1,
    ],
    [
      [
        ['student', 'l2-prior', 'nope'],
        ['s1', 'B', 'A'],
      ],
      'table-unknown-column',
      1,
      3,
    ],
    [
      [
        ['student', 'l2-prior', 'Q1'],
        ['s1', 'B', 'A'],
      ],
      'table-duplicate-column',
      1,
      3,
    ],
    [
      [
        ['student', 'l2-prior'],
        ['s1', 'B'],
        ['s1', 'C'],
      ],
      'table-duplicate-student',
      3,
      1,
    ],
    [
      [
        ['student', 'l2-prior'],
        ['', 'B'],
      ],
      'table-no-student',
      2,
      1,
    ],
    [
      [
        ['student', 'l2-prior'],
        ['s1', 'Z'],
      ],
      'table-bad-cell',
      2,
      2,
    ],
  ])('reports %#: %s at line %i, column %i', (rows, code, line, column) => {
    const { diagnostics } = readResponseTable(exam, rows);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code, line, column }));
  });
});
