import type { ChoiceOption, Exam, MultipleScoring, Question, Section } from './model.js';
import { Rational } from './rational.js';

/** A question with its section and its display number (1-based, in exam order). */
export interface PlacedQuestion {
  readonly question: Question;
  readonly section: Section;
  readonly number: number;
}

/**
 * Every question in exam order with its section and number.
 *
 * @example
 * for (const { question, number } of listQuestions(exam)) console.log(`Q${number}`, question.id);
 */
export function listQuestions(exam: Exam): PlacedQuestion[] {
  let number = 0;
  return exam.sections.flatMap((section) =>
    section.questions.map((question) => ({ question, section, number: (number += 1) })),
  );
}

export function findQuestion(exam: Exam, questionId: string): PlacedQuestion | undefined {
  return listQuestions(exam).find((placed) => placed.question.id === questionId);
}

/** The marks a question is worth: its own override, else its section's. */
export function marksOf(question: Question, section: Section): Rational {
  return question.marks ?? section.marks;
}

/** The marks a wrong answer loses (non-negative). */
export function penaltyOf(question: Question, section: Section): Rational {
  return question.penalty ?? section.penalty;
}

export function multipleScoringOf(question: Question, section: Section): MultipleScoring {
  return (
    (question.kind === 'multiple' ? question.scoring : undefined) ?? section.scoring ?? { strategy: 'all-or-nothing' }
  );
}

/**
 * The weight of each option of a weighted question (any option has `weight=`), options without one weighing 0;
 * undefined for a question scored by its key alone. Weights decide a weighted question's score (docs/decisions/0015).
 *
 * @example
 * optionWeights(question)?.map((weight) => weight.toString()); // ['1/3', '1/3', '1/3', '-1']
 */
export function optionWeights(question: Question): readonly Rational[] | undefined {
  if (question.kind !== 'single' && question.kind !== 'multiple') return undefined;
  if (!question.options.some(hasWeight)) return undefined;
  return question.options.map((option) => option.weight ?? Rational.ZERO);
}

function hasWeight(option: ChoiceOption): boolean {
  return option.weight !== undefined;
}

/** True when the question counts toward the maximum: not a bonus and not dropped from the maximum. */
export function countsTowardMaximum(question: Question): boolean {
  return !question.bonus && question.dropped !== 'exclude';
}

/** The total the questions add up to (what `total:` in the front matter should say). */
export function computedTotal(exam: Exam): Rational {
  return Rational.sum(
    listQuestions(exam)
      .filter(({ question }) => countsTowardMaximum(question))
      .map(({ question, section }) => marksOf(question, section)),
  );
}

/** Questions whose key is not known: they are listed by lint and not scored. */
export function questionsWithoutKey(exam: Exam): PlacedQuestion[] {
  return listQuestions(exam).filter(({ question }) => question.keyUnknown);
}
