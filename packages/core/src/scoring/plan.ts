import { countsTowardMaximum, listQuestions, marksOf, multipleScoringOf, penaltyOf } from '../exam-queries.js';
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
  return {
    question,
    section,
    sectionIndex,
    marks,
    penalty: penaltyOf(question, section),
    maximum: excluded ? Rational.ZERO : marks,
    correct: new Set(options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []))),
    letters: options.map((_, index) => optionLetter(index)),
    multipleScoring: multipleScoringOf(question, section),
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
