import { assertNever, type Exam } from '../model.js';
import { Rational } from '../rational.js';
import { outcome, signed, type Outcome } from './outcome.js';
import { planExam, type QuestionPlan } from './plan.js';
import { DEFAULT_POLICY, type ScoringPolicy } from './policy.js';
import type { QuestionScore } from './question-score.js';
import type { Grade, Response, StudentResponses } from './responses.js';
import { scoreChoice } from './score-choice.js';
import { scoreFree } from './score-free.js';
import { scoreNumeric } from './score-numeric.js';

export interface SectionScore {
  readonly sectionId: string;
  readonly points: Rational;
  readonly maximum: Rational;
}

export interface ScoreReport {
  readonly questions: readonly QuestionScore[];
  readonly sections: readonly SectionScore[];
  readonly total: Rational;
  /** The most a student can earn without bonus questions. */
  readonly maximum: Rational;
  /** Questions without a known key: reported, not scored. */
  readonly notScored: readonly string[];
  /** Questions whose answer needs a person's look. */
  readonly flagged: readonly string[];
  /** Free-response answers waiting for a grader. */
  readonly ungraded: readonly string[];
}

/**
 * Scores one student's responses. Pure and deterministic: the same exam, responses and policy always give the same
 * report, which is what makes regrading after a key fix safe. Every point carries its reason.
 *
 * @example
 * const report = score(exam, { answers: { 'l2-prior': choice('b') } });
 * report.total.toString(); // '0.5'
 */
export function score(exam: Exam, responses: StudentResponses, policy: ScoringPolicy = DEFAULT_POLICY): ScoreReport {
  const questions = planExam(exam).map((plan) => scoreQuestion(plan, responses, policy));
  const sections = exam.sections.map((section) => {
    const own = questions.filter((question) => question.sectionId === section.id);
    return {
      sectionId: section.id,
      points: Rational.sum(own.map((question) => question.points)),
      maximum: Rational.sum(own.map((question) => question.maximum)),
    };
  });
  const idsWith = (test: (question: QuestionScore) => boolean) => questions.filter(test).map((q) => q.questionId);
  return {
    questions,
    sections,
    total: Rational.sum(sections.map((section) => section.points)),
    maximum: Rational.sum(sections.map((section) => section.maximum)),
    notScored: idsWith((q) => q.status === 'not-scored'),
    flagged: idsWith((q) => q.flagged),
    ungraded: idsWith((q) => q.status === 'ungraded'),
  };
}

function scoreQuestion(plan: QuestionPlan, responses: StudentResponses, policy: ScoringPolicy): QuestionScore {
  const { question, section } = plan;
  const response = responses.answers[question.id] ?? { kind: 'blank' };
  const result = decide(plan, response, responses.grades?.[question.id], policy);
  return { questionId: question.id, sectionId: section.id, maximum: plan.maximum, ...result };
}

function decide(plan: QuestionPlan, response: Response, grade: Grade | undefined, policy: ScoringPolicy): Outcome {
  const { question } = plan;
  if (question.dropped === 'full-marks')
    return outcome('dropped', plan.marks, `question dropped, full marks to everyone: ${signed(plan.marks)}`);
  if (question.dropped === 'exclude')
    return outcome('dropped', Rational.ZERO, 'question dropped: it counts for no one');
  if (question.keyUnknown || (plan.letters.length > 0 && plan.correct.size === 0)) {
    return outcome('not-scored', Rational.ZERO, 'the key is not known: not scored');
  }
  if (response.kind === 'blank' && question.kind !== 'free') return outcome('blank', Rational.ZERO, 'blank: 0');
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return response.kind === 'choice' ? scoreChoice(plan, response, policy) : mismatch(response.kind, 'options');
    case 'numeric':
      return response.kind === 'numeric' ? scoreNumeric(plan, question, response) : mismatch(response.kind, 'a number');
    case 'free':
      if (response.kind === 'blank' && !grade) return outcome('blank', Rational.ZERO, 'blank: 0');
      return scoreFree(plan, question, grade);
    default:
      return assertNever(question);
  }
}

function mismatch(given: Response['kind'], expected: string): Outcome {
  return outcome('invalid', Rational.ZERO, `a ${given} answer where the question asks for ${expected}: 0`, true);
}
