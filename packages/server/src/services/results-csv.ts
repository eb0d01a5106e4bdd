import { listQuestions, NOT_READ_CELL, type Exam } from '@examforge/core';
import { stringify } from 'csv-stringify/sync';
import type { ResultRow } from '../api/index.js';
import { guardTextCell } from './csv-text-cell.js';

/**
 * The sitting's results as CSV: one row per roster student, one column per question in exam order, then the total,
 * the maximum, the flagged questions, the written answers not graded yet and the questions not read from the scan. An
 * answer not read says `not read` in its question's cell and an answer not graded yet `ungraded`, rather than `0`, so
 * that neither is taken for a blank or a wrong answer. A name that a spreadsheet would run as a formula is guarded.
 *
 * @example
 * reply.header('content-type', 'text/csv; charset=utf-8').send(presentResultsCsv(exam, rows));
 */
export function presentResultsCsv(exam: Exam, rows: readonly ResultRow[]): string {
  const ids = listQuestions(exam).map(({ question }) => question.id);
  return stringify([
    ['student', 'name', 'status', ...ids, 'total', 'maximum', 'flagged', 'ungraded', 'not read'],
    ...rows.map((row) => [
      row.studentNumber,
      guardTextCell(row.name),
      row.status,
      ...ids.map((id) => (row.notRead.includes(id) ? NOT_READ_CELL : (row.questions[id] ?? ''))),
      row.total ?? '',
      row.maximum ?? '',
      row.flagged.join(' '),
      row.ungraded.join(' '),
      row.notRead.join(' '),
    ]),
  ]);
}
