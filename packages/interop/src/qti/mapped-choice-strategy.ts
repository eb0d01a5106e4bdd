import { multipleAnswerPoints, Rational, type MultipleScoring } from '@examforge/core';
import { atLeast, atMost, type MappedScoreFormula } from './mapped-score-formula.js';

/** A multiple-answer item's mapping as read: each choice's mapped value, and the mapping's own bounds. */
export interface MappedChoices {
  readonly values: readonly Rational[];
  readonly lowerBound?: Rational;
  readonly upperBound?: Rational;
}

export interface MappedStrategy {
  /** The choices worth more than nothing: the key. */
  readonly correct: readonly boolean[];
  readonly scoring: MultipleScoring;
  readonly marks: Rational;
}

/**
 * The core strategy that scores every selection of a mapped multiple-answer item exactly as QTI does:
 * `SCORE = formula(mapping bounded)`, where each right choice maps to the same value and each wrong one to the same
 * value. Tried in order: partial-credit, net-correct, every-decision, then per-option with the right, wrong, floor and
 * ceiling the mapping and constant give (parameters equal to their defaults left out). A candidate is accepted only when
 * it gives the same points for every count of right and wrong choices, so nothing is approximated; undefined when
 * none does (the caller falls back to option weights) or the mapping is not of that form.
 *
 * @example
 * // right choices +1, wrong ones −1, the mapping bounded to [0, 2], 2 marks: net correct
 * mappedChoiceStrategy({ values: [1, 1, −1, −1], lowerBound: 0, upperBound: 2 }, { constant: 0, … }, 2)?.scoring;
 * // { strategy: 'net-correct' }
 * // Examforge's every-decision export, 2 marks over 4 options: ±1/2 each, plus 1 (the wrong options left unchosen),
 * // clamped to [0, 2]
 * mappedChoiceStrategy({ values: [½, ½, −½, −½] }, { constant: 1, lower: 0, upper: 2, … }, 2)?.scoring;
 * // { strategy: 'every-decision' }
 */
export function mappedChoiceStrategy(
  choices: MappedChoices,
  formula: MappedScoreFormula,
  declaredMarks: Rational | undefined,
): MappedStrategy | undefined {
  const correct = choices.values.map((value) => value.isPositive());
  const right = choices.values.filter((value) => value.isPositive());
  const wrong = choices.values.filter((value) => !value.isPositive());
  const [gain] = right;
  const [loss = Rational.ZERO] = wrong;
  if (!gain || !right.every((v) => v.equals(gain)) || !wrong.every((v) => v.equals(loss))) return undefined;
  const score = composed(choices, formula);
  if (!score) return undefined;
  const counts = { options: choices.values.length, correct: right.length, incorrect: wrong.length };
  const points = (correctSelected: number, incorrectSelected: number) =>
    clamp(gain.times(correctSelected).plus(loss.times(incorrectSelected)).plus(score.constant), score);
  const marks = declaredMarks ?? points(counts.correct, 0);
  if (!marks.isPositive()) return undefined;
  const candidates: MultipleScoring[] = [
    { strategy: 'partial-credit' },
    { strategy: 'net-correct' },
    { strategy: 'every-decision' },
    ...(counts.incorrect === 0 || loss.equals(gain.negated()) ? [perOption(gain, score, marks, counts)] : []),
  ];
  const scoring = candidates.find((candidate) => {
    for (let correctSelected = 0; correctSelected <= counts.correct; correctSelected++) {
      for (let incorrectSelected = 0; incorrectSelected <= counts.incorrect; incorrectSelected++) {
        if (correctSelected + incorrectSelected === 0) continue;
        const selection = { ...counts, correctSelected, incorrectSelected };
        const expected = points(correctSelected, incorrectSelected);
        if (!multipleAnswerPoints(candidate, selection, marks, Rational.ZERO).equals(expected)) return false;
      }
    }
    return true;
  });
  return scoring && { correct, scoring, marks };
}

/** The mapping's bounds and the formula as one `min(upper, max(lower, sum + constant))`. */
function composed(choices: MappedChoices, formula: MappedScoreFormula): MappedScoreFormula | undefined {
  const { lowerBound, upperBound } = choices;
  if (lowerBound && upperBound && lowerBound.compare(upperBound) > 0) return undefined;
  let score: MappedScoreFormula = { response: formula.response, constant: Rational.ZERO };
  if (lowerBound) score = atLeast(score, lowerBound);
  if (upperBound) score = atMost(score, upperBound);
  score = {
    response: score.response,
    constant: formula.constant,
    ...(score.lower && { lower: score.lower.plus(formula.constant) }),
    ...(score.upper && { upper: score.upper.plus(formula.constant) }),
  };
  if (formula.lower) score = atLeast(score, formula.lower);
  if (formula.upper) score = atMost(score, formula.upper);
  return score;
}

function clamp(value: Rational, bounds: MappedScoreFormula): Rational {
  const floored = bounds.lower ? Rational.max(bounds.lower, value) : value;
  return bounds.upper ? Rational.min(bounds.upper, floored) : floored;
}

/**
 * Per-option for `constant + swing × (right chosen − wrong chosen)`, clamped: every option starts decided as "not
 * chosen" (constant = right × wrong options + wrong × right options) and choosing one changes its decision by the
 * swing = right − wrong. A bound the score never reaches is left at its default when that does not reach it either.
 */
function perOption(
  swing: Rational,
  score: MappedScoreFormula,
  marks: Rational,
  counts: { options: number; correct: number; incorrect: number },
): MultipleScoring {
  const wrong = score.constant.minus(swing.times(counts.incorrect)).dividedBy(counts.options);
  const right = wrong.plus(swing);
  const lowest = score.constant.minus(swing.times(counts.incorrect));
  const highest = score.constant.plus(swing.times(counts.correct));
  const floor = score.lower && score.lower.compare(lowest) > 0 ? score.lower : lowest.isNegative() ? lowest : undefined;
  const ceiling =
    score.upper && score.upper.compare(highest) < 0 ? score.upper : highest.compare(marks) > 0 ? highest : undefined;
  const share = marks.dividedBy(counts.options);
  return {
    strategy: 'per-option',
    ...(!right.equals(share) && { right }),
    ...(!wrong.equals(share.negated()) && { wrong }),
    ...(floor && !floor.isZero() && { floor }),
    ...(ceiling && !ceiling.equals(marks) && { ceiling }),
  };
}
