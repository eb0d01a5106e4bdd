import type { Exam, GradedStudent, ResultsSummary } from '@examforge/core';
import type { Styles } from '../console.js';
import { plural } from './exam-overview.js';

const MAX_FLAGGED_SHOWN = 10;

/** What `grade` prints: where the results went, the score distribution, and everything that needs a person. */
export function renderGradeSummary(
  exam: Exam,
  graded: readonly GradedStudent[],
  summary: ResultsSummary,
  outPath: string,
  s: Styles,
): string[] {
  const lines = [`Graded ${plural(summary.students, 'student')} on ${s.bold(exam.id)} → ${outPath}`];
  if (summary.students === 0) return lines;
  const number = (value: number) => (Math.round(value * 100) / 100).toString();
  lines.push(
    `Total out of ${summary.maximum.toString()}: mean ${number(summary.mean)} · median ${number(summary.median)} · lowest ${summary.lowest.toString()} · highest ${summary.highest.toString()}`,
  );
  const titleWidth = Math.max(...exam.sections.map((section) => section.title.length));
  exam.sections.forEach((section, index) => {
    const figures = summary.sections[index];
    if (figures)
      lines.push(
        `  ${section.title.padEnd(titleWidth)}  mean ${number(figures.mean)} of ${figures.maximum.toString()}`,
      );
  });
  if (summary.notScored.length > 0) {
    lines.push(
      s.warning(`${plural(summary.notScored.length, 'question')} not scored (no key):`) +
        ` ${summary.notScored.join(', ')}`,
    );
  }
  if (summary.ungradedAnswers > 0)
    lines.push(
      `${plural(summary.ungradedAnswers, 'free-response answer')} not graded yet (counted as 0 until graded).`,
    );
  lines.push(...flaggedLines(graded, summary, s));
  return lines;
}

function flaggedLines(graded: readonly GradedStudent[], summary: ResultsSummary, s: Styles): string[] {
  if (summary.flaggedAnswers === 0) return [];
  const flagged = graded.flatMap(({ student, report }) =>
    report.questions.filter((q) => q.flagged).map((q) => `  ${student}  ${q.questionId}: ${q.reason}`),
  );
  const more =
    flagged.length > MAX_FLAGGED_SHOWN
      ? [`  … and ${flagged.length - MAX_FLAGGED_SHOWN} more (see the flagged column of the results)`]
      : [];
  return [
    s.warning(`${plural(summary.flaggedAnswers, 'answer')} flagged for review:`),
    ...flagged.slice(0, MAX_FLAGGED_SHOWN),
    ...more,
  ];
}
