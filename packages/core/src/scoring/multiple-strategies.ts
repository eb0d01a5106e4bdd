import { assertNever, type MultipleScoring } from '../model.js';
import { Rational } from '../rational.js';

/** The counts every multiple-answer strategy is defined on. */
export interface SelectionCounts {
  readonly options: number;
  readonly correct: number;
  readonly correctSelected: number;
  readonly incorrectSelected: number;
}

/**
 * Points for a non-blank multiple-answer selection under a named strategy (see docs/exam-format.md for the formulas
 * and the tools each strategy comes from). `penalty` is used by all-or-nothing only: the other strategies define
 * their own floor.
 */
export function multipleAnswerPoints(
  scoring: MultipleScoring,
  counts: SelectionCounts,
  marks: Rational,
  penalty: Rational,
): Rational {
  const { options, correct, correctSelected, incorrectSelected } = counts;
  const incorrect = options - correct;
  const allRight = correctSelected === correct && incorrectSelected === 0;
  switch (scoring.strategy) {
    case 'all-or-nothing':
      return allRight ? marks : penalty.negated();
    case 'per-option': {
      const right = scoring.right ?? marks.dividedBy(options);
      const wrong = scoring.wrong ?? marks.dividedBy(options).negated();
      const decidedRight = correctSelected + (incorrect - incorrectSelected);
      const raw = right.times(decidedRight).plus(wrong.times(options - decidedRight));
      return raw.clamp(scoring.floor ?? Rational.ZERO, scoring.ceiling ?? marks);
    }
    case 'partial-credit': {
      const gained = Rational.of(correctSelected, correct);
      const lost = incorrect === 0 ? Rational.ZERO : Rational.of(incorrectSelected, incorrect);
      return Rational.max(Rational.ZERO, marks.times(gained.minus(lost)));
    }
    case 'net-correct':
      return Rational.max(Rational.ZERO, marks.times(Rational.of(correctSelected - incorrectSelected, correct)));
    case 'coverage': {
      const selected = correctSelected + incorrectSelected;
      return marks.times(Rational.of(correctSelected, correct)).times(Rational.of(correctSelected, selected));
    }
    case 'every-decision':
      return marks.times(Rational.of(correctSelected + (incorrect - incorrectSelected), options));
    default:
      return assertNever(scoring.strategy);
  }
}
