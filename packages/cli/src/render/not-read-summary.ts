import type { GradedStudent } from '@examforge/core';
import type { Styles } from '../console.js';
import { plural } from './exam-overview.js';

const STUDENTS_SHOWN = 10;
const QUESTIONS_SHOWN = 4;

/**
 * The answers not read from the scan, named by student: they scored 0 and are not blanks, so the instructor must
 * learn of them, e.g. "3 answers of 2 students were not read from the scan: s001 (l2-prior, masked-softmax), s002
 * (batched-matmul)". Nothing when every answer was read.
 *
 * @example
 * lines.push(...notReadLines(graded, styles(output)));
 */
export function notReadLines(graded: readonly GradedStudent[], s: Styles): string[] {
  const students = graded.filter(({ report }) => report.missing.length > 0);
  if (students.length === 0) return [];
  const answers = students.reduce((sum, { report }) => sum + report.missing.length, 0);
  const verb = answers === 1 ? 'was' : 'were';
  const named = students
    .slice(0, STUDENTS_SHOWN)
    .map(({ student, report }) => `${student} (${listed(report.missing)})`);
  const more = students.length > STUDENTS_SHOWN ? `, and ${students.length - STUDENTS_SHOWN} more` : '';
  return [
    s.warning(`${plural(answers, 'answer')} of ${plural(students.length, 'student')} ${verb} not read from the scan:`) +
      ` ${named.join(', ')}${more}`,
    '  They count 0 (no penalty) and show as `not read` in the results: scan their missing pages and grade again.',
  ];
}

function listed(questions: readonly string[]): string {
  if (questions.length <= QUESTIONS_SHOWN) return questions.join(', ');
  return `${questions.length} questions: ${questions.slice(0, QUESTIONS_SHOWN - 1).join(', ')}, …`;
}
