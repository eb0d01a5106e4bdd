import type { FreeResponseQuestion } from '../model.js';
import { Rational } from '../rational.js';
import { outcome, statusFromPoints, type Outcome } from './outcome.js';
import type { QuestionPlan } from './plan.js';
import type { Grade } from './responses.js';
import { rubricPoints } from './rubric-points.js';

/** Scores a free-response answer from the grader's decision: rubric items applied, or points given directly. */
export function scoreFree(plan: QuestionPlan, question: FreeResponseQuestion, grade: Grade | undefined): Outcome {
  if (!grade) return outcome('ungraded', Rational.ZERO, 'not graded yet');
  const { points, raw, start, applied, unknown } = rubricPoints(question, plan.marks, grade);
  const clampNote = points.equals(raw) ? '' : ` (limited to 0–${plan.marks.format(4)})`;
  const flagged = unknown.length > 0 || !points.equals(raw);
  if (grade.kind === 'points')
    return outcome(
      statusFromPoints(points, plan.marks),
      points,
      `${raw.format(4)} points given: ${points.format(4)}${clampNote}`,
      flagged,
    );
  const parts = applied.map((item) => `${item.id} ${signed(item.points)}`);
  if (grade.adjustment && !grade.adjustment.isZero()) parts.push(`adjustment ${signed(grade.adjustment)}`);
  const from = start.isZero() ? '' : `from ${start.format(4)}, `;
  const description = parts.length > 0 ? `rubric: ${from}${parts.join(', ')}` : `${from}no rubric item applies`;
  const unknownNote = unknown.length > 0 ? `; unknown rubric items ignored: ${unknown.join(', ')}` : '';
  return outcome(
    statusFromPoints(points, plan.marks),
    points,
    `${description}${unknownNote}: ${points.format(4)}${clampNote}`,
    flagged,
  );
}

const signed = (points: Rational) => `${points.isNegative() ? '' : '+'}${points.format(4)}`;
