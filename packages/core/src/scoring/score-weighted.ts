import { optionIndex } from '../model.js';
import { Rational } from '../rational.js';
import { listLetters, outcome, signed, statusFromPoints, type Outcome } from './outcome.js';
import type { QuestionPlan } from './plan.js';

/**
 * Scoring by option weights (docs/decisions/0015), Moodle's rules for multichoice questions: a single-choice answer
 * earns the chosen option's weight × marks (negative weights take marks off); a multiple-answer answer earns the sum
 * of the chosen options' weights, clamped to [0, 1], × marks. Blank and invalid marks are decided before, by the
 * policy, as for every choice question.
 *
 * @example
 * // weights 1/3, 1/3, 1/3, -1 and 3 marks: (a)(b) earn 2, (a)(b)(d) earn 0
 * scoreWeighted(plan, ['a', 'b'], weights, '', false).points.toString(); // '2'
 */
export function scoreWeighted(
  plan: QuestionPlan,
  selected: readonly string[],
  weights: readonly Rational[],
  note: string,
  flagged: boolean,
): Outcome {
  const chosen = selected.map((letter) => weights[optionIndex(letter)] ?? Rational.ZERO);
  if (plan.question.kind === 'single') {
    const weight = chosen[0] ?? Rational.ZERO;
    const points = plan.marks.times(weight);
    const reason = `${note}${listLetters(selected)} chosen, option weight ${weight.toString()}: ${signed(points)}`;
    return outcome(statusFromPoints(points, plan.marks), points, reason, flagged);
  }
  const sum = Rational.sum(chosen);
  const fraction = sum.clamp(Rational.ZERO, Rational.ONE);
  const points = plan.marks.times(fraction);
  const terms = chosen.map((weight) => weight.toString()).join(' + ');
  const counted = fraction.equals(sum) ? '' : `, counted as ${fraction.toString()}`;
  const reason = `${note}${listLetters(selected)} chosen; option weights ${terms} = ${sum.toString()}${counted}: ${signed(points)}`;
  return outcome(statusFromPoints(points, plan.marks), points, reason, flagged);
}
