import { assertNever, type Exam } from '../model.js';
import { Rational } from '../rational.js';
import { outcome, signed, type Outcome } from './outcome.js';
import { examMaximum, planExam, sectionMaxima, type QuestionPlan } from './plan.js';
import { DEFAULT_POLICY, type ScoringPolicy } from './policy.js';
import type { QuestionScore } from './question-score.js';
import { BLANK, type Grade, type Response, type StudentResponses } from './responses.js';
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
  /** The sum of the sections' points, raised to the exam's `total-floor` when it is below it. */
  readonly total: Rational;
  /** The sum of the sections' points as they are, before any floor: what the questions add up to. */
  readonly rawTotal: Rational;
  /** The most a student can earn without bonus questions. */
  readonly maximum: Rational;
  /** Questions without a known key: reported, not scored. */
  readonly notScored: readonly string[];
  /** Questions whose answer needs a person's look. */
  readonly flagged: readonly string[];
  /** Free-response answers waiting for a grader. */
  readonly ungraded: readonly string[];
  /**
   * Questions whose answer was not read from the scan (their sheet page is missing or unreadable): never blank. Those
   * scored are `missing` (0, flagged); a question without a key is listed too (its answer counts once a key is set),
   * a dropped one is not (its answer counts for nothing).
   */
  readonly missing: readonly string[];
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
  const plans = planExam(exam);
  const sectionPoints = exam.sections.map(() => Rational.ZERO);
  const notScored: string[] = [];
  const flagged: string[] = [];
  const ungraded: string[] = [];
  const missing: string[] = [];
  // One pass, no intermediate arrays: this loop runs once per question per student when a class is graded.
  const questions = plans.map((plan): QuestionScore => {
    const { question, sectionIndex } = plan;
    const response = responses.answers[question.id] ?? BLANK;
    const result = decide(plan, response, responses.grades?.[question.id], policy);
    sectionPoints[sectionIndex] = (sectionPoints[sectionIndex] ?? Rational.ZERO).plus(result.points);
    if (result.status === 'not-scored') notScored.push(question.id);
    else if (result.status === 'ungraded') ungraded.push(question.id);
    if (response.kind === 'missing' && result.status !== 'dropped') missing.push(question.id);
    if (result.flagged) flagged.push(question.id);
    return {
      questionId: question.id,
      sectionId: plan.section.id,
      status: result.status,
      points: result.points,
      maximum: plan.maximum,
      reason: result.reason,
      flagged: result.flagged,
    };
  });
  const sections = exam.sections.map((section, index) => ({
    sectionId: section.id,
    points: sectionPoints[index] ?? Rational.ZERO,
    maximum: sectionMaxima(exam)[index] ?? Rational.ZERO,
  }));
  const rawTotal = Rational.sum(sectionPoints);
  return {
    questions,
    sections,
    total: exam.totalFloor ? Rational.max(rawTotal, exam.totalFloor) : rawTotal,
    rawTotal,
    maximum: examMaximum(exam),
    notScored,
    flagged,
    ungraded,
    missing,
  };
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
  if (response.kind === 'missing') return NOT_READ;
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

const NOT_READ = outcome(
  'missing',
  Rational.ZERO,
  'the page with this question was not read from the scan: 0 until it is read',
  true,
);

function mismatch(given: Response['kind'], expected: string): Outcome {
  return outcome('invalid', Rational.ZERO, `a ${given} answer where the question asks for ${expected}: 0`, true);
}
