import { listQuestions } from '../exam-queries.js';
import type { Exam } from '../model.js';
import type { ScoreReport } from '../scoring/score.js';

export interface GradedStudent {
  readonly student: string;
  readonly name?: string;
  readonly report: ScoreReport;
}

/**
 * The results as rows for a CSV: one row per student with the points of every question, the section totals, the
 * total, the maximum and what needs a look. Points are exact (`0.5`, `-0.5`, `1/3`).
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
  ];
  const rows = students.map(({ student, name, report }) => [
    student,
    name ?? '',
    ...report.questions.map((question) => (question.status === 'not-scored' ? '' : question.points.toString())),
    ...report.sections.map((section) => section.points.toString()),
    report.total.toString(),
    report.maximum.toString(),
    report.flagged.join(' '),
    report.ungraded.join(' '),
  ]);
  return [header, ...rows];
}
