import type { Exam, GradedStudent, ResultsSummary } from '@examforge/core';
import type { Styles } from '../console.js';
import { plural } from './exam-overview.js';
import { notReadLines } from './not-read-summary.js';

const MAX_FLAGGED_SHOWN = 10;

/**
 * What `grade` prints: where the results went, the score distribution, and everything that needs a person — the
 * answers not read from the scan first, by student, then every other flagged answer with its reason.
 */
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
  lines.push(...notReadLines(graded, s), ...flaggedLines(graded, summary, s));
  return lines;
}

/** Flagged answers other than those not read from the scan (which `notReadLines` names by student). */
function flaggedLines(graded: readonly GradedStudent[], summary: ResultsSummary, s: Styles): string[] {
  const flagged = graded.flatMap(({ student, report }) =>
    report.questions
      .filter((q) => q.flagged && q.status !== 'missing')
      .map((q) => `  ${student}  ${q.questionId}: ${q.reason}`),
  );
  if (flagged.length === 0) return [];
  const more =
    flagged.length > MAX_FLAGGED_SHOWN
      ? [`  … and ${flagged.length - MAX_FLAGGED_SHOWN} more (see the flagged column of the results)`]
      : [];
  const heading = plural(flagged.length, summary.missingAnswers > 0 ? 'other answer' : 'answer');
  return [s.warning(`${heading} flagged for review:`), ...flagged.slice(0, MAX_FLAGGED_SHOWN), ...more];
}
