import {
  marksOf,
  multipleScoringOf,
  optionWeights,
  penaltyOf,
  Rational,
  type ChoiceQuestion,
  type MultipleChoiceQuestion,
  type MultipleScoring,
  type Section,
} from '@examforge/core';

/**
 * A choice question's scoring as LMS formats express it: each option is worth a fraction of the marks, a
 * single-choice answer earns its option's fraction, and a multiple-choice answer the sum of its options' fractions
 * clamped to [0, 1] (Moodle's rule, and QTI's `qti-map-response` with bounds). `approximation` says why that is
 * not how Examforge scores the question, when it is not.
 */
export interface OptionFractions {
  readonly fractions: readonly Rational[];
  readonly approximation?: string;
}

/**
 * The option fractions of a choice question: its weights when it has any, else what its key, marks, penalty and
 * multiple-answer strategy give.
 *
 * @example
 * optionFractions(partialCreditQuestion, section).fractions.map(String); // ['1/2', '1/2', '-1']
 */
export function optionFractions(question: ChoiceQuestion, section: Section): OptionFractions {
  const weights = optionWeights(question);
  if (weights) return { fractions: weights };
  const marks = marksOf(question, section);
  const penalty = penaltyOf(question, section);
  if (question.kind === 'single') return singleFractions(question, marks, penalty);
  const correct = question.options.filter((option) => option.correct).length;
  const incorrect = question.options.length - correct;
  const scoring = multipleScoringOf(question, section);
  const linear = linearScoring(scoring, marks, penalty, correct, incorrect);
  const perOption = linear ?? partialCredit(correct, incorrect);
  const fractions = question.options.map((option) => (option.correct ? perOption.correct : perOption.incorrect));
  if (linear) return { fractions };
  return {
    fractions,
    approximation: `its ${scoring.strategy} scoring cannot be written as a fraction per option; each correct option is worth 1/${correct} of the marks and each wrong one −1/${Math.max(incorrect, 1)} (partial credit) instead`,
  };
}

function singleFractions(question: ChoiceQuestion, marks: Rational, penalty: Rational): OptionFractions {
  const wrong = marks.isZero() ? Rational.ZERO : penalty.dividedBy(marks).negated();
  return {
    fractions: question.options.map((option) => (option.correct ? Rational.ONE : wrong)),
    ...(marks.isZero() && !penalty.isZero() && { approximation: 'its penalty cannot be a fraction of 0 marks' }),
  };
}

interface PerOption {
  readonly correct: Rational;
  readonly incorrect: Rational;
}

function partialCredit(correct: number, incorrect: number): PerOption {
  return {
    correct: correct === 0 ? Rational.ZERO : Rational.of(1, correct),
    incorrect: incorrect === 0 ? Rational.ZERO : Rational.of(-1, incorrect),
  };
}

/**
 * The strategy as a fraction per option when it is exactly "sum of chosen, clamped to [0, 1]" for this question;
 * undefined when it is not (a constant term, a negative floor, a score that depends on the selection's size).
 */
function linearScoring(
  scoring: MultipleScoring,
  marks: Rational,
  penalty: Rational,
  correct: number,
  incorrect: number,
): PerOption | undefined {
  if (correct === 0 || marks.isZero()) return undefined;
  const share = Rational.of(1, correct);
  switch (scoring.strategy) {
    case 'partial-credit':
      return partialCredit(correct, incorrect);
    case 'net-correct':
      return { correct: share, incorrect: share.negated() };
    case 'all-or-nothing':
      // One correct option and no penalty: choosing it alone is the only way to score, as with weights 1 / −1.
      return correct === 1 && penalty.isZero() ? { correct: Rational.ONE, incorrect: Rational.of(-1) } : undefined;
    case 'every-decision':
    case 'coverage':
      // Without wrong options both are "each correct option chosen earns 1/correct".
      return incorrect === 0 ? { correct: share, incorrect: Rational.ZERO } : undefined;
    case 'per-option': {
      const affine = affineOf(scoring, marks, correct, incorrect);
      const slope = affine.right.minus(affine.wrong).dividedBy(marks);
      const exact =
        affine.constant.isZero() &&
        affine.floor.isZero() &&
        affine.ceiling.compare(marks) >= 0 &&
        slope.times(correct).equals(1);
      return exact ? { correct: slope, incorrect: slope.negated() } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Scoring by decisions (`per-option`, `every-decision`): each option decided rightly earns `right`, wrongly `wrong`,
 * so points = `points[chosen]` summed + `constant`, clamped to [floor, ceiling]; all in marks. QTI can write this
 * with `qti-map-response`, a constant and `qti-min`/`qti-max`.
 */
export interface AffineScoring {
  /** Marks each option adds when chosen. */
  readonly points: readonly Rational[];
  readonly constant: Rational;
  readonly floor: Rational;
  readonly ceiling: Rational;
}

/** The affine form of a multiple-choice question scored by decisions; undefined for other strategies. */
export function affineScoring(question: MultipleChoiceQuestion, section: Section): AffineScoring | undefined {
  if (optionWeights(question)) return undefined;
  const scoring = multipleScoringOf(question, section);
  const marks = marksOf(question, section);
  const correct = question.options.filter((option) => option.correct).length;
  const incorrect = question.options.length - correct;
  const options = question.options.length;
  const decisions =
    scoring.strategy === 'per-option'
      ? scoring
      : scoring.strategy === 'every-decision'
        ? { strategy: scoring.strategy, right: marks.dividedBy(options), wrong: Rational.ZERO }
        : undefined;
  if (!decisions || options === 0) return undefined;
  const { right, wrong, constant, floor, ceiling } = affineOf(decisions, marks, correct, incorrect);
  const swing = right.minus(wrong);
  return {
    points: question.options.map((option) => (option.correct ? swing : swing.negated())),
    constant,
    floor,
    ceiling,
  };
}

function affineOf(scoring: MultipleScoring, marks: Rational, correct: number, incorrect: number) {
  const options = correct + incorrect;
  const right = scoring.right ?? marks.dividedBy(options);
  const wrong = scoring.wrong ?? marks.dividedBy(options).negated();
  // Every option starts decided as "not chosen": right for the incorrect ones, wrong for the correct ones.
  const constant = right.times(incorrect).plus(wrong.times(correct));
  const isEveryDecision = scoring.strategy === 'every-decision';
  return {
    right,
    wrong,
    constant,
    floor: isEveryDecision ? Rational.ZERO : (scoring.floor ?? Rational.ZERO),
    ceiling: isEveryDecision ? marks : (scoring.ceiling ?? marks),
  };
}
