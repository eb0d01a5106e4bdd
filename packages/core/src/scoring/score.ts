import { assertNever, type Exam } from '../model.js';
import { Rational } from '../rational.js';
import { outcome, type Outcome } from './outcome.js';
import { examMaximum, sectionMaxima, type QuestionPlan } from './plan.js';
import { DEFAULT_POLICY, type ScoringPolicy } from './policy.js';
import type { QuestionScore } from './question-score.js';
import { BLANK, type Grade, type Response, type StudentResponses } from './responses.js';
import { scoreChoice } from './score-choice.js';
import { scoreFree } from './score-free.js';
import { scoreNumeric } from './score-numeric.js';
import { SectionSums } from './section-sums.js';
import { compileExam, findSharedScore, fixedOutcome, NOT_READ_REASON, questionScore } from './shared-scores.js';

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
  const { questions: shared, unit } = compileExam(exam);
  const sums = new SectionSums(exam.sections.length, unit);
  const notScored: string[] = [];
  const flagged: string[] = [];
  const ungraded: string[] = [];
  const missing: string[] = [];
  // One pass, no intermediate arrays: this loop runs once per question per student when a class is graded.
  const questions = shared.map((entry): QuestionScore => {
    const { question, sectionIndex } = entry.plan;
    const response = responses.answers[question.id] ?? BLANK;
    const result =
      findSharedScore(entry, response) ??
      scoreQuestion(
        entry.plan,
        response,
        question.kind === 'free' ? responses.grades?.[question.id] : undefined,
        policy,
      );
    sums.add(sectionIndex, result.points);
    if (result.status === 'not-scored') notScored.push(question.id);
    else if (result.status === 'ungraded') ungraded.push(question.id);
    if (response.kind === 'missing' && result.status !== 'dropped') missing.push(question.id);
    if (result.flagged) flagged.push(question.id);
    return result;
  });
  const sections = exam.sections.map((section, index) => ({
    sectionId: section.id,
    points: sums.of(index),
    maximum: sectionMaxima(exam)[index] ?? Rational.ZERO,
  }));
  const rawTotal = Rational.sum(sections.map((section) => section.points));
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

/**
 * One answer scored in full, every rule applied and its reason written; `score` takes most answers' scores from
 * `shared-scores.ts` instead, which the tests hold to this.
 */
export function scoreQuestion(
  plan: QuestionPlan,
  response: Response,
  grade: Grade | undefined,
  policy: ScoringPolicy,
): QuestionScore {
  return questionScore(plan, decide(plan, response, grade, policy));
}

function decide(plan: QuestionPlan, response: Response, grade: Grade | undefined, policy: ScoringPolicy): Outcome {
  const { question } = plan;
  const fixed = fixedOutcome(plan);
  if (fixed) return fixed;
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

const NOT_READ = outcome('missing', Rational.ZERO, NOT_READ_REASON, true);

function mismatch(given: Response['kind'], expected: string): Outcome {
  return outcome('invalid', Rational.ZERO, `a ${given} answer where the question asks for ${expected}: 0`, true);
}
