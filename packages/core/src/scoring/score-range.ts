import { assertNever } from '../model.js';
import type { Exam } from '../model.js';
import { Rational } from '../rational.js';
import { planExam, type QuestionPlan } from './plan.js';

/**
 * The lowest and highest total any set of responses can score: the floor is every penalty taken (or the exam's
 * `total-floor`, when higher), the ceiling every question right, bonus questions included.
 */
export function scoreRange(exam: Exam): { readonly lowest: Rational; readonly highest: Rational } {
  const plans = planExam(exam);
  const lowest = Rational.sum(plans.map(lowestPoints));
  return {
    lowest: exam.totalFloor ? Rational.max(lowest, exam.totalFloor) : lowest,
    highest: Rational.sum(
      plans.map((plan) => (isScored(plan) || plan.question.dropped === 'full-marks' ? plan.marks : Rational.ZERO)),
    ),
  };
}

function isScored(plan: QuestionPlan): boolean {
  const { question } = plan;
  return !question.dropped && !question.keyUnknown && !(plan.letters.length > 0 && plan.correct.size === 0);
}

function lowestPoints(plan: QuestionPlan): Rational {
  if (plan.question.dropped === 'full-marks') return plan.marks;
  if (!isScored(plan)) return Rational.ZERO;
  const penalty = Rational.min(Rational.ZERO, plan.penalty.negated());
  if (plan.weights) return lowestWeighted(plan, plan.weights);
  switch (plan.question.kind) {
    case 'single':
    case 'numeric':
      return penalty;
    case 'multiple': {
      const { strategy, floor } = plan.multipleScoring;
      if (strategy === 'all-or-nothing') return penalty;
      // Unknown option letters and invalid marks under the 'wrong' policy can also cost the penalty.
      const strategyFloor =
        strategy === 'per-option' ? Rational.min(Rational.ZERO, floor ?? Rational.ZERO) : Rational.ZERO;
      return Rational.min(strategyFloor, penalty);
    }
    case 'free':
      return Rational.ZERO;
    default:
      return assertNever(plan.question);
  }
}

/** A weighted single choice can cost its most negative weight; a weighted multiple answer is clamped at 0. */
function lowestWeighted(plan: QuestionPlan, weights: readonly Rational[]): Rational {
  if (plan.question.kind !== 'single') return Rational.ZERO;
  const lowestWeight = weights.reduce((low, weight) => Rational.min(low, weight), Rational.ZERO);
  return plan.marks.times(lowestWeight);
}
