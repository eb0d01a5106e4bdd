import {
  BLANK,
  formatResponseCell,
  listQuestions,
  NOT_READ_CELL,
  score,
  type QuestionScore,
  type Response,
} from '@examforge/core';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../context.js';
import type { AttemptsTable, GradesTable, RosterTable } from '../db/schema.js';
import { readStoredAnswer } from './answers.js';
import { attemptExam } from './attempt-exam.js';
import { guardTextCell } from './csv-text-cell.js';
import { readGrade } from './grades.js';
import { loadBoxResponses, paperAnswerCropUrl } from './paper-answer-responses.js';
import { UNGRADED_CELL } from './results.js';
import { findSittingRow } from './sittings.js';

/** The columns of `responses.csv`; the grades import reads the same names back (and ignores the others). */
export const RESPONSES_CSV_HEADER = [
  'student',
  'name',
  'question',
  'number',
  'kind',
  'answer',
  'score',
  'rubric items',
  'adjustment',
  'adjustment reason',
  'comment',
  'grader',
] as const;

/** What the rubric items cell says for a grade that applies no item: graded, unlike an empty cell (no grade). */
export const NO_ITEMS_CELL = '-';

type GradeRow = GradesTable & { readonly grader_name: string };

/**
 * Every response of every attempt of the sitting as CSV, one row per (student, question) in roster then exam order:
 * the answer as given (choice letters as `B` or `AC` with paper marks such as `tick(C)`, the number, the typed text
 * exactly, guarded against spreadsheet formulas, or for a written box on a paper sheet the path of its crop), its
 * points now (`ungraded` for a written answer no one has graded, `not read` for a page not scanned), and a written
 * answer's grade. Names are left empty when `withNames` is false (graders before an instructor reveals them).
 *
 * @example
 * reply.send(await responsesCsv(context, sittingId, { withNames: true }));
 */
export async function responsesCsv(
  context: AppContext,
  sittingId: string,
  options: { readonly withNames: boolean },
): Promise<string> {
  const sitting = await findSittingRow(context, sittingId);
  const attempts = await context.db
    .selectFrom('attempts')
    .innerJoin('roster', 'roster.id', 'attempts.roster_id')
    .selectAll('attempts')
    .select(['roster.student_number', 'roster.name'])
    .where('attempts.sitting_id', '=', sittingId)
    .orderBy('roster.student_number')
    .execute();
  const [answers, grades, boxes] = await Promise.all([
    loadSittingAnswers(context, sittingId),
    loadSittingGrades(context, sittingId),
    loadBoxResponses(
      context.db,
      attempts.map((attempt) => attempt.id),
    ),
  ]);
  const stored: StoredGrading = { sittingId, answers, grades, boxes };
  const rows: string[][] = [[...RESPONSES_CSV_HEADER]];
  for (const attempt of attempts) {
    const student = { number: attempt.student_number, name: options.withNames ? attempt.name : '' };
    rows.push(...(await attemptRows(context, sitting.exam_version_id, attempt, student, stored)));
  }
  return stringify(rows);
}

/** What the sitting's attempts hold, by attempt id: stored answers, paper answer boxes (by their ink), grades. */
interface StoredGrading {
  readonly sittingId: string;
  readonly answers: ReadonlyMap<string, Record<string, Response>>;
  readonly boxes: ReadonlyMap<string, Record<string, Response>>;
  readonly grades: ReadonlyMap<string, Map<string, GradeRow>>;
}

async function attemptRows(
  context: AppContext,
  versionId: string,
  attempt: AttemptsTable,
  student: { readonly number: RosterTable['student_number']; readonly name: string },
  stored: StoredGrading,
): Promise<string[][]> {
  const exam = await attemptExam(context, versionId, attempt);
  const boxes = stored.boxes.get(attempt.id) ?? {};
  // A box read from the scan says what a written question's answer is, as in results.
  const given = { ...stored.answers.get(attempt.id), ...boxes };
  const graded = stored.grades.get(attempt.id) ?? new Map<string, GradeRow>();
  const report = score(exam, {
    answers: given,
    grades: Object.fromEntries([...graded].map(([questionId, grade]) => [questionId, readGrade(grade)])),
  });
  const scores = new Map(report.questions.map((result) => [result.questionId, result]));
  return listQuestions(exam).map(({ question, number }) => {
    const answer = given[question.id];
    const onPaper = boxes[question.id]?.kind === 'text';
    const grade = graded.get(question.id);
    return [
      student.number,
      guardTextCell(student.name),
      question.id,
      String(number),
      question.kind,
      onPaper
        ? paperAnswerCropUrl(stored.sittingId, attempt.id, question.id)
        : answer?.kind === 'text'
          ? guardTextCell(answer.text)
          : formatResponseCell(answer ?? BLANK),
      scoreCell(scores.get(question.id)),
      ...(grade ? gradeCells(grade) : ['', '', '', '', '']),
    ];
  });
}

function scoreCell(result: QuestionScore | undefined): string {
  if (!result || result.status === 'not-scored') return '';
  if (result.status === 'missing') return NOT_READ_CELL;
  return result.status === 'ungraded' ? UNGRADED_CELL : result.points.toString();
}

/** rubric items, adjustment, adjustment reason, comment, grader. */
function gradeCells(grade: GradeRow): string[] {
  const parsed = readGrade(grade);
  const items = parsed.kind === 'rubric' ? parsed.items : [];
  return [
    items.length > 0 ? items.join(' ') : NO_ITEMS_CELL,
    grade.adjustment ?? '',
    guardTextCell(grade.adjustment_reason ?? ''),
    guardTextCell(grade.comment ?? ''),
    guardTextCell(grade.grader_name),
  ];
}

/** Every stored answer of the sitting, by attempt then question: one query rather than one per attempt. */
async function loadSittingAnswers(
  context: AppContext,
  sittingId: string,
): Promise<Map<string, Record<string, Response>>> {
  const rows = await context.db
    .selectFrom('answers')
    .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
    .select(['answers.attempt_id', 'answers.question_id', 'answers.answer_json'])
    .where('attempts.sitting_id', '=', sittingId)
    .execute();
  const byAttempt = new Map<string, Record<string, Response>>();
  for (const row of rows) {
    const answers = byAttempt.get(row.attempt_id) ?? {};
    answers[row.question_id] = readStoredAnswer(row);
    byAttempt.set(row.attempt_id, answers);
  }
  return byAttempt;
}

async function loadSittingGrades(context: AppContext, sittingId: string): Promise<Map<string, Map<string, GradeRow>>> {
  const rows = await context.db
    .selectFrom('grades')
    .innerJoin('attempts', 'attempts.id', 'grades.attempt_id')
    .innerJoin('users', 'users.id', 'grades.graded_by')
    .selectAll('grades')
    .select('users.name as grader_name')
    .where('attempts.sitting_id', '=', sittingId)
    .execute();
  const byAttempt = new Map<string, Map<string, GradeRow>>();
  for (const row of rows) {
    const grades = byAttempt.get(row.attempt_id) ?? new Map<string, GradeRow>();
    grades.set(row.question_id, row);
    byAttempt.set(row.attempt_id, grades);
  }
  return byAttempt;
}
