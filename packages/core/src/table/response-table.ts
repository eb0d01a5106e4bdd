import { listQuestions, type PlacedQuestion } from '../exam-queries.js';
import { diagnostic, type Diagnostic } from '../format/diagnostic.js';
import type { Exam } from '../model.js';
import type { Grade, Response, StudentResponses } from '../scoring/responses.js';
import { readResponseCell } from './response-cell.js';

export interface StudentRow {
  readonly student: string;
  readonly name?: string;
  readonly responses: StudentResponses;
  /** 1-based line in the table. */
  readonly line: number;
}

export interface ResponseTable {
  readonly students: readonly StudentRow[];
  /** Positions are table lines; `column` is the 1-based column index. */
  readonly diagnostics: readonly Diagnostic[];
}

const STUDENT_COLUMNS = ['student', 'student_id', 'id'];

/**
 * Reads a responses table (already split into rows of cells, header first): one row per student, a `student` column,
 * optionally `name`, and one column per question named by its id or its number (`Q7` or `7`). Every bad cell is
 * reported with its line and column; good rows are kept.
 *
 * @example
 * const table = readResponseTable(exam, [['student', 'l2-prior'], ['s1', 'B']]);
 */
export function readResponseTable(exam: Exam, rows: readonly (readonly string[])[]): ResponseTable {
  const [header = [], ...body] = rows;
  const diagnostics: Diagnostic[] = [];
  const studentColumn = header.findIndex((name) => STUDENT_COLUMNS.includes(name.trim().toLowerCase()));
  if (studentColumn < 0) {
    diagnostics.push(
      diagnostic('error', 'table-no-student-column', { line: 1, column: 1 }, 'the table has no `student` column', {
        expected: 'a header row starting with `student`, then one column per question (its id or number)',
      }),
    );
    return { students: [], diagnostics };
  }
  const nameColumn = header.findIndex((name) => name.trim().toLowerCase() === 'name');
  const columns = mapQuestionColumns(exam, header, [studentColumn, nameColumn], diagnostics);
  const students: StudentRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((row, index) => {
    const line = index + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const student = (row[studentColumn] ?? '').trim();
    if (student === '') {
      diagnostics.push(
        diagnostic('error', 'table-no-student', { line, column: studentColumn + 1 }, 'the row has no student id', {
          hint: 'every row needs the student it belongs to',
        }),
      );
      return;
    }
    const first = seen.get(student);
    if (first !== undefined) {
      diagnostics.push(
        diagnostic(
          'error',
          'table-duplicate-student',
          { line, column: studentColumn + 1 },
          `student ${student} already has a row (line ${first})`,
          { hint: 'keep one row per student' },
        ),
      );
      return;
    }
    seen.set(student, line);
    const name = nameColumn >= 0 ? row[nameColumn]?.trim() : undefined;
    students.push({ student, ...(name ? { name } : {}), line, responses: readRow(row, line, columns, diagnostics) });
  });
  return { students, diagnostics };
}

function mapQuestionColumns(
  exam: Exam,
  header: readonly string[],
  skip: readonly number[],
  diagnostics: Diagnostic[],
): Map<number, PlacedQuestion> {
  const placed = listQuestions(exam);
  const columns = new Map<number, PlacedQuestion>();
  header.forEach((rawName, index) => {
    if (skip.includes(index)) return;
    const name = rawName.trim();
    const byNumber = /^(?:q)?(\d+)$/i.exec(name);
    const match =
      placed.find((p) => p.question.id === name) ??
      (byNumber ? placed.find((p) => p.number === Number(byNumber[1])) : undefined);
    if (!match) {
      diagnostics.push(
        diagnostic(
          'error',
          'table-unknown-column',
          { line: 1, column: index + 1 },
          `column "${name}" is not a question of ${exam.id}`,
          { expected: 'a question id (e.g. `l2-prior`) or number (e.g. `Q1`)' },
        ),
      );
    } else if ([...columns.values()].includes(match)) {
      diagnostics.push(
        diagnostic(
          'error',
          'table-duplicate-column',
          { line: 1, column: index + 1 },
          `question ${match.question.id} has two columns`,
        ),
      );
    } else {
      columns.set(index, match);
    }
  });
  const missing = placed.filter((p) => ![...columns.values()].includes(p));
  if (missing.length > 0 && columns.size > 0) {
    diagnostics.push(
      diagnostic(
        'warning',
        'table-missing-columns',
        { line: 1, column: 1 },
        `${missing.length} question(s) have no column and count as blank: ${missing.map((p) => p.question.id).join(', ')}`,
      ),
    );
  }
  return columns;
}

function readRow(
  row: readonly string[],
  line: number,
  columns: ReadonlyMap<number, PlacedQuestion>,
  diagnostics: Diagnostic[],
): StudentResponses {
  const answers: Record<string, Response> = {};
  const grades: Record<string, Grade> = {};
  for (const [index, { question }] of columns) {
    const reading = readResponseCell(question, row[index] ?? '');
    if (!reading.ok) {
      diagnostics.push(
        diagnostic('error', 'table-bad-cell', { line, column: index + 1 }, `${question.id}: ${reading.message}`, {
          expected: reading.expected,
          questionId: question.id,
        }),
      );
      continue;
    }
    answers[question.id] = reading.response;
    if (reading.grade) grades[question.id] = reading.grade;
  }
  return { answers, grades };
}
