import type { NumericQuestion } from '../model.js';
import { Rational } from '../rational.js';
import { outcome, signed, type Outcome } from './outcome.js';
import type { QuestionPlan } from './plan.js';
import type { NumericResponse } from './responses.js';

/** Relative slack for floating-point noise in a typed answer: 0.1 + 0.2 still matches 0.3 with zero tolerance. */
const NOISE = 1e-12;

export function scoreNumeric(plan: QuestionPlan, question: NumericQuestion, response: NumericResponse): Outcome {
  const answer = question.answer;
  if (!answer) return outcome('not-scored', Rational.ZERO, 'no answer is known for this question: not scored');
  const { value, tolerance } = answer;
  const allowed = tolerance.kind === 'absolute' ? tolerance.amount : (Math.abs(value) * tolerance.percent) / 100;
  const within = Math.abs(response.value - value) <= allowed + NOISE * Math.max(1, Math.abs(value));
  const range =
    allowed === 0 ? `${value}` : `${value} ± ${tolerance.kind === 'absolute' ? allowed : `${tolerance.percent}%`}`;
  if (within) return outcome('correct', plan.marks, `${response.value} is within ${range}: ${signed(plan.marks)}`);
  const penalty = plan.penalty.negated();
  return outcome(
    'wrong',
    penalty,
    `${response.value} is outside ${range}: ${penalty.isZero() ? '0' : signed(penalty)}`,
  );
}
