import {
  countsTowardMaximum,
  listQuestions,
  marksOf,
  multipleScoringOf,
  optionWeights,
  penaltyOf,
} from '../exam-queries.js';
import { optionLetter, type Exam, type MultipleScoring, type Question, type Section } from '../model.js';
import { Rational } from '../rational.js';

/** Everything scoring needs about one question, worked out once per exam rather than once per student. */
export interface QuestionPlan {
  readonly question: Question;
  readonly section: Section;
  readonly sectionIndex: number;
  readonly marks: Rational;
  readonly penalty: Rational;
  /** The question's share of the maximum. */
  readonly maximum: Rational;
  readonly correct: ReadonlySet<string>;
  readonly letters: readonly string[];
  readonly multipleScoring: MultipleScoring;
  /**
   * Each option's weight when the question is weighted (docs/decisions/0015): its score is then the weights of what
   * was chosen, and its penalty is 0, since the weights already say what a wrong choice costs.
   */
  readonly weights?: readonly Rational[];
}

const plans = new WeakMap<Exam, readonly QuestionPlan[]>();

/** The scoring plan of an exam; cached, since exams are immutable. */
export function planExam(exam: Exam): readonly QuestionPlan[] {
  const cached = plans.get(exam);
  if (cached) return cached;
  const plan = listQuestions(exam).map(({ question, section }) =>
    planQuestion(question, section, exam.sections.indexOf(section)),
  );
  plans.set(exam, plan);
  return plan;
}

function planQuestion(question: Question, section: Section, sectionIndex: number): QuestionPlan {
  const options = question.kind === 'single' || question.kind === 'multiple' ? question.options : [];
  const marks = marksOf(question, section);
  const excluded = !countsTowardMaximum(question) || question.keyUnknown;
  const weights = optionWeights(question);
  return {
    question,
    section,
    sectionIndex,
    marks,
    penalty: weights ? Rational.ZERO : penaltyOf(question, section),
    maximum: excluded ? Rational.ZERO : marks,
    correct: new Set(options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []))),
    letters: options.map((_, index) => optionLetter(index)),
    multipleScoring: multipleScoringOf(question, section),
    ...(weights && { weights }),
  };
}

const maxima = new WeakMap<Exam, readonly Rational[]>();

/** Each section's maximum: the same for every student, so computed once per exam. */
export function sectionMaxima(exam: Exam): readonly Rational[] {
  let cached = maxima.get(exam);
  if (!cached) {
    const plan = planExam(exam);
    cached = exam.sections.map((_, index) =>
      Rational.sum(plan.filter((q) => q.sectionIndex === index).map((q) => q.maximum)),
    );
    maxima.set(exam, cached);
  }
  return cached;
}

export function examMaximum(exam: Exam): Rational {
  return Rational.sum(sectionMaxima(exam));
}
