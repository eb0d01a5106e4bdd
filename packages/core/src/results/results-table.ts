import { listQuestions } from '../exam-queries.js';
import type { Exam } from '../model.js';
import type { QuestionScore } from '../scoring/question-score.js';
import type { ScoreReport } from '../scoring/score.js';

export interface GradedStudent {
  readonly student: string;
  readonly name?: string;
  readonly report: ScoreReport;
}

/** What a results cell says for an answer that was not read from the scan (it counts 0 in the totals). */
export const NOT_READ_CELL = 'not read';
/** What a results cell says for a written answer no one has graded yet (it counts 0 in the totals until graded). */
export const UNGRADED_CELL = 'ungraded';

/**
 * The results as rows for a CSV: one row per student with the points of every question, the section totals, the
 * total, the maximum and what needs a look. Points are exact (`0.5`, `-0.5`, `1/3`). A question without a key is
 * empty; an answer not read from the scan says `not read` and a written answer not yet graded `ungraded` (never 0,
 * which would look like a blank or a zero mark), and the `not read` and `ungraded` columns list those questions.
 */
export function resultsTable(exam: Exam, students: readonly GradedStudent[]): string[][] {
  const questions = listQuestions(exam);
  const header = [
    'student',
    'name',
    ...questions.map(({ question }) => question.id),
    ...exam.sections.map((section) => `section:${section.id}`),
    'total',
    'maximum',
    'flagged',
    'ungraded',
    'not read',
  ];
  const rows = students.map(({ student, name, report }) => [
    student,
    name ?? '',
    ...report.questions.map((question) => questionCell(question, report.missing)),
    ...report.sections.map((section) => section.points.toString()),
    report.total.toString(),
    report.maximum.toString(),
    report.flagged.join(' '),
    report.ungraded.join(' '),
    report.missing.join(' '),
  ]);
  return [header, ...rows];
}

function questionCell(question: QuestionScore, missing: readonly string[]): string {
  if (missing.includes(question.questionId)) return NOT_READ_CELL;
  if (question.status === 'ungraded') return UNGRADED_CELL;
  return question.status === 'not-scored' ? '' : question.points.toString();
}
