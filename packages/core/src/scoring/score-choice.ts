import { Rational } from '../rational.js';
import { multipleAnswerPoints } from './multiple-strategies.js';
import { listLetters, outcome, signed, statusFromPoints, type Outcome } from './outcome.js';
import type { QuestionPlan } from './plan.js';
import type { ScoringPolicy } from './policy.js';
import type { ChoiceResponse, InvalidMark } from './responses.js';
import { scoreWeighted } from './score-weighted.js';

/** Scores a single- or multiple-choice answer, applying the policy for invalid and several marks. */
export function scoreChoice(plan: QuestionPlan, response: ChoiceResponse, policy: ScoringPolicy): Outcome {
  const unknown = response.selected.filter((letter) => !plan.letters.includes(letter));
  if (unknown.length > 0) {
    return outcome('invalid', Rational.ZERO, `${listLetters(unknown)} is not an option of this question: 0`, true);
  }
  const invalid = response.invalidMarks ?? [];
  if (invalid.length > 0 && policy.invalidMarks !== 'not-answers') return scoreInvalidMarks(plan, invalid, policy);
  const flagged = invalid.length > 0;
  const note = flagged ? `${describeNotAnswers(invalid)}; ` : '';
  const selected = response.selected.length < 2 ? response.selected : [...new Set(response.selected)].sort();
  if (selected.length === 0) {
    const reason = flagged ? `${note}no complete fill, so unanswered: 0, no penalty` : 'blank: 0';
    return outcome('blank', Rational.ZERO, reason, flagged);
  }
  if (plan.question.kind === 'multiple') {
    return plan.weights
      ? scoreWeighted(plan, selected, plan.weights, note, flagged)
      : scoreMultiple(plan, selected, note, flagged);
  }
  if (selected.length > 1) return scoreSeveralMarks(plan, selected, policy, note);
  const letter = selected[0] ?? '';
  return flagged ? describeSingleMark(plan, letter, note, true) : singleMarkOutcome(plan, letter);
}

function scoreInvalidMarks(plan: QuestionPlan, invalid: readonly InvalidMark[], policy: ScoringPolicy): Outcome {
  const described = `${describeInvalid(invalid)}: not a complete fill`;
  if (policy.invalidMarks === 'zero')
    return outcome('invalid', Rational.ZERO, `${described}, so not an answer: 0, no penalty`, true);
  const penalty = plan.penalty.negated();
  return outcome('invalid', penalty, `${described}, counted as wrong: ${signed(penalty)}`, true);
}

function scoreSeveralMarks(
  plan: QuestionPlan,
  selected: readonly string[],
  policy: ScoringPolicy,
  note: string,
): Outcome {
  const marks = `${note}several marks ${listLetters(selected)} on a single-choice question`;
  if (policy.severalMarks === 'zero')
    return outcome('invalid', Rational.ZERO, `${marks}: not an answer: 0, no penalty`, true);
  const penalty = plan.penalty.negated();
  return outcome('invalid', penalty, `${marks}: counted as wrong: ${signed(penalty)}`, true);
}

/** One valid mark on a single-choice question: the outcome is built once per question and letter, then shared. */
const singleMarkOutcomes = new WeakMap<QuestionPlan, Map<string, Outcome>>();

export function singleMarkOutcome(plan: QuestionPlan, letter: string): Outcome {
  let outcomes = singleMarkOutcomes.get(plan);
  if (!outcomes) singleMarkOutcomes.set(plan, (outcomes = new Map<string, Outcome>()));
  let found = outcomes.get(letter);
  if (!found) outcomes.set(letter, (found = describeSingleMark(plan, letter, '', false)));
  return found;
}

function describeSingleMark(plan: QuestionPlan, letter: string, note: string, flagged: boolean): Outcome {
  if (plan.weights) return scoreWeighted(plan, [letter], plan.weights, note, flagged);
  if (plan.correct.has(letter)) {
    return outcome('correct', plan.marks, `${note}(${letter}) is correct: ${signed(plan.marks)}`, flagged);
  }
  const key = `the key ${plan.correct.size === 1 ? 'is' : 'accepts'} ${listLetters(plan.correct)}`;
  const penalty = plan.penalty.negated();
  const consequence = penalty.isZero() ? '0' : `${signed(penalty)} (negative marking)`;
  return outcome('wrong', penalty, `${note}(${letter}) is wrong, ${key}: ${consequence}`, flagged);
}

function scoreMultiple(plan: QuestionPlan, selected: readonly string[], note: string, flagged: boolean): Outcome {
  const correctSelected = selected.filter((letter) => plan.correct.has(letter)).length;
  const counts = {
    options: plan.letters.length,
    correct: plan.correct.size,
    correctSelected,
    incorrectSelected: selected.length - correctSelected,
  };
  const points = multipleAnswerPoints(plan.multipleScoring, counts, plan.marks, plan.penalty);
  const detail = `${counts.correctSelected} of ${counts.correct} correct options chosen, ${counts.incorrectSelected} incorrect`;
  const reason = `${note}${listLetters(selected)} chosen; ${detail} (${plan.multipleScoring.strategy}): ${signed(points)}`;
  return outcome(statusFromPoints(points, plan.marks), points, reason, flagged);
}

/**
 * Under the `not-answers` policy: what each mark is and that it does not count. An unsure reading says it waits for a
 * person, since their decision may make it a fill.
 */
function describeNotAnswers(marks: readonly InvalidMark[]): string {
  const sure = marks.filter((mark) => mark.mark !== 'unclear');
  const unsure = marks.filter((mark) => mark.mark === 'unclear');
  return [
    ...(sure.length > 0 ? [`${describeInvalid(sure)}: not a complete fill, so not an answer`] : []),
    ...(unsure.length > 0 ? [`${describeInvalid(unsure)}: awaits a person's review, not an answer until then`] : []),
  ].join('; ');
}

function describeInvalid(marks: readonly InvalidMark[]): string {
  const words: Record<InvalidMark['mark'], string> = {
    partial: 'partial fill',
    tick: 'tick',
    cross: 'cross',
    unclear: 'unclear mark',
  };
  return marks.map((mark) => `${words[mark.mark]} on (${mark.option})`).join(', ');
}
