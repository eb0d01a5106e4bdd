import type { FreeResponseQuestion, RubricItem } from '../model.js';
import { Rational } from '../rational.js';
import type { Grade } from './responses.js';

/** What a grade gives a written answer, and how it got there. */
export interface RubricPoints {
  /** The points, within [0, marks]. */
  readonly points: Rational;
  /** Before clamping: the start, the items and the adjustment added up. */
  readonly raw: Rational;
  /** Where the points started: 0, or the marks under negative grading (`### Rubric {from=full}`). */
  readonly start: Rational;
  readonly applied: readonly RubricItem[];
  /** Item ids the grade names that the rubric does not hold (ignored). */
  readonly unknown: readonly string[];
}

/**
 * The points a grade gives a written answer: rubric items applied (added to 0, or under negative grading taken from
 * the marks) plus the adjustment, or points given directly; clamped to [0, marks]. Scoring and every view of a grade
 * (the grading page, a student's feedback) use this one sum.
 *
 * @example
 * rubricPoints(question, Rational.of(2), { kind: 'rubric', items: ['w1'] }).points; // 1
 */
export function rubricPoints(question: FreeResponseQuestion, marks: Rational, grade: Grade): RubricPoints {
  if (grade.kind === 'points')
    return {
      points: grade.points.clamp(Rational.ZERO, marks),
      raw: grade.points,
      start: Rational.ZERO,
      applied: [],
      unknown: [],
    };
  const start = question.rubricFrom === 'full' ? marks : Rational.ZERO;
  const applied = question.rubric.filter((item) => grade.items.includes(item.id));
  const unknown = grade.items.filter((id) => !question.rubric.some((item) => item.id === id));
  const raw = Rational.sum([start, ...applied.map((item) => item.points), grade.adjustment ?? Rational.ZERO]);
  return { points: raw.clamp(Rational.ZERO, marks), raw, start, applied, unknown };
}
