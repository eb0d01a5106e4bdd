import type { FreeResponseQuestion } from '../model.js';
import { Rational } from '../rational.js';
import { outcome, statusFromPoints, type Outcome } from './outcome.js';
import type { QuestionPlan } from './plan.js';
import type { Grade } from './responses.js';

/** Scores a free-response answer from the grader's decision: rubric items applied, or points given directly. */
export function scoreFree(plan: QuestionPlan, question: FreeResponseQuestion, grade: Grade | undefined): Outcome {
  if (!grade) return outcome('ungraded', Rational.ZERO, 'not graded yet');
  if (grade.kind === 'points') return clamped(plan, grade.points, `${grade.points.format(4)} points given`, false);
  const unknown = grade.items.filter((id) => !question.rubric.some((item) => item.id === id));
  const applied = question.rubric.filter((item) => grade.items.includes(item.id));
  let points = Rational.sum(applied.map((item) => item.points));
  const parts = applied.map((item) => `${item.id} ${item.points.isNegative() ? '' : '+'}${item.points.format(4)}`);
  if (grade.adjustment && !grade.adjustment.isZero()) {
    points = points.plus(grade.adjustment);
    parts.push(`adjustment ${grade.adjustment.isNegative() ? '' : '+'}${grade.adjustment.format(4)}`);
  }
  const description = parts.length > 0 ? `rubric: ${parts.join(', ')}` : 'no rubric item applies';
  const unknownNote = unknown.length > 0 ? `; unknown rubric items ignored: ${unknown.join(', ')}` : '';
  return clamped(plan, points, `${description}${unknownNote}`, unknown.length > 0);
}

function clamped(plan: QuestionPlan, points: Rational, description: string, flagged: boolean): Outcome {
  const bounded = points.clamp(Rational.ZERO, plan.marks);
  const clampNote = bounded.equals(points) ? '' : ` (limited to 0–${plan.marks.format(4)})`;
  return outcome(
    statusFromPoints(bounded, plan.marks),
    bounded,
    `${description}: ${bounded.format(4)}${clampNote}`,
    flagged || !bounded.equals(points),
  );
}
