import { Rational } from '../rational.js';
import { multipleAnswerPoints } from './multiple-strategies.js';
import { listLetters, outcome, signed, statusFromPoints, type Outcome } from './outcome.js';
import type { QuestionPlan } from './plan.js';
import type { ScoringPolicy } from './policy.js';
import type { ChoiceResponse, InvalidMark } from './responses.js';

/** Scores a single- or multiple-choice answer, applying the policy for invalid and several marks. */
export function scoreChoice(plan: QuestionPlan, response: ChoiceResponse, policy: ScoringPolicy): Outcome {
  const unknown = response.selected.filter((letter) => !plan.letters.includes(letter));
  if (unknown.length > 0) {
    return outcome('invalid', Rational.ZERO, `${listLetters(unknown)} is not an option of this question: 0`, true);
  }
  const invalid = response.invalidMarks ?? [];
  if (invalid.length > 0 && policy.invalidMarks !== 'ignore') {
    const described = describeInvalid(invalid);
    return policy.invalidMarks === 'zero'
      ? outcome('invalid', Rational.ZERO, `${described}: not a complete fill, so not an answer: 0, no penalty`, true)
      : outcome(
          'invalid',
          plan.penalty.negated(),
          `${described}: not a complete fill, counted as wrong: ${signed(plan.penalty.negated())}`,
          true,
        );
  }
  const flagged = invalid.length > 0;
  const note = flagged ? `${describeInvalid(invalid)} ignored (not complete fills); ` : '';
  const selected = [...new Set(response.selected)].sort();
  if (selected.length === 0) return outcome('blank', Rational.ZERO, `${note}blank: 0`, flagged);
  return plan.question.kind === 'multiple'
    ? scoreMultiple(plan, selected, note, flagged)
    : scoreSingle(plan, selected, policy, note, flagged);
}

function scoreSingle(
  plan: QuestionPlan,
  selected: readonly string[],
  policy: ScoringPolicy,
  note: string,
  flagged: boolean,
): Outcome {
  if (selected.length > 1) {
    const marks = `several marks ${listLetters(selected)} on a single-choice question`;
    return policy.severalMarks === 'zero'
      ? outcome('invalid', Rational.ZERO, `${note}${marks}: not an answer: 0, no penalty`, true)
      : outcome(
          'invalid',
          plan.penalty.negated(),
          `${note}${marks}: counted as wrong: ${signed(plan.penalty.negated())}`,
          true,
        );
  }
  const letter = selected[0] ?? '';
  if (plan.correct.has(letter))
    return outcome('correct', plan.marks, `${note}(${letter}) is correct: ${signed(plan.marks)}`, flagged);
  const key =
    plan.correct.size === 1
      ? `the key is ${listLetters(plan.correct)}`
      : `the key accepts ${listLetters(plan.correct)}`;
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
  return outcome(
    statusFromPoints(points, plan.marks),
    points,
    `${note}${listLetters(selected)} chosen; ${detail} (${plan.multipleScoring.strategy}): ${signed(points)}`,
    flagged,
  );
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
