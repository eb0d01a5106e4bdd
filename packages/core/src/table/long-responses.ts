import { findQuestion, marksOf } from '../exam-queries.js';
import type { Exam } from '../model.js';
import { Rational } from '../rational.js';
import { rubricPoints } from '../scoring/rubric-points.js';

/**
 * The server's `responses.csv` is long: one row per (student, question) with the answer and, for a written answer,
 * its grade (`rubric items`, `adjustment`). `readResponseTable` reads the wide table the CLI's `scan` writes: one row
 * per student, one cell per question. These turn the first into the second so that `examforge grade` scores a
 * sitting exported from the server.
 */
const LONG_COLUMNS = ['student', 'question', 'answer', 'rubric items', 'adjustment'] as const;

/** Whether a header row is the server's long `responses.csv`. */
export function isLongResponseTable(header: readonly string[]): boolean {
  const names = header.map((name) => name.trim().toLowerCase());
  return LONG_COLUMNS.every((column) => names.includes(column));
}

/**
 * Pivots a long responses table (header first) into a wide one, students and questions in order of appearance.
 * A choice or numeric answer keeps its cell; a written answer's cell becomes its grade: `rubric(items)`, exact points
 * when the grade has an adjustment (what the rubric and the adjustment give), `-` when left blank, and empty while
 * ungraded.
 *
 * @example
 * pivotLongResponses(exam, [['student', 'question', 'answer', 'rubric items', 'adjustment'], ['s1', 'l2-prior', 'B', '', '']]);
 * // [['student', 'name', 'l2-prior'], ['s1', '', 'B']]
 */
export function pivotLongResponses(exam: Exam, rows: readonly (readonly string[])[]): string[][] {
  const [header = [], ...body] = rows;
  const names = header.map((name) => name.trim().toLowerCase());
  const at = (column: string) => names.indexOf(column);
  const cell = (row: readonly string[], column: string) => row[at(column)] ?? '';
  const questions: string[] = [];
  const students = new Map<string, { name: string; cells: Map<string, string> }>();
  for (const row of body) {
    const student = cell(row, 'student').trim();
    const questionId = cell(row, 'question').trim();
    if (student === '' || questionId === '') continue;
    if (!questions.includes(questionId)) questions.push(questionId);
    const entry = students.get(student) ?? { name: cell(row, 'name'), cells: new Map<string, string>() };
    entry.cells.set(questionId, wideCell(exam, questionId, row, cell));
    students.set(student, entry);
  }
  return [
    ['student', 'name', ...questions],
    ...[...students].map(([student, { name, cells }]) => [
      student,
      name,
      ...questions.map((id) => cells.get(id) ?? ''),
    ]),
  ];
}

function wideCell(
  exam: Exam,
  questionId: string,
  row: readonly string[],
  cell: (row: readonly string[], column: string) => string,
): string {
  const placed = findQuestion(exam, questionId);
  const question = placed?.question;
  if (!placed || question?.kind !== 'free') return cell(row, 'answer');
  const items = cell(row, 'rubric items').trim();
  const adjustment = cell(row, 'adjustment').trim();
  if (items === '' && adjustment === '') return cell(row, 'answer').trim() === '-' ? '-' : '';
  const ids = items === '-' ? [] : items.split(/[\s;]+/).filter(Boolean);
  const points = Rational.parse(adjustment);
  const known = ids.every((id) => question.rubric.some((item) => item.id === id));
  // The wide cell has no adjustment: a grade with one becomes its exact points, as the rubric gives them (positive or
  // negative grading). Unknown items and an unreadable adjustment are passed on as they are, for the reader to report.
  if (adjustment === '' || !known) return `rubric(${ids.join(' ')})`;
  if (!points) return adjustment;
  const grade = { kind: 'rubric' as const, items: ids, adjustment: points };
  return rubricPoints(question, marksOf(question, placed.section), grade).points.toString();
}
