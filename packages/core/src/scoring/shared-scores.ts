import { optionIndex, type Exam } from '../model.js';
import { Rational } from '../rational.js';
import { outcome, signed, type Outcome } from './outcome.js';
import { planExam, type QuestionPlan } from './plan.js';
import type { QuestionScore } from './question-score.js';
import type { Response } from './responses.js';
import { singleMarkOutcome } from './score-choice.js';

/**
 * The scores most answers get, built once per exam instead of once per student: a dropped question, one whose key is
 * unknown, an answer not read, a blank, and each single valid mark on a single-choice question are the same for
 * every student who gave them, so one `QuestionScore` object serves them all (a class of 10,000 × 100 otherwise
 * builds a million). Anything else (several or invalid marks, multiple-answer, numeric and written answers) is
 * scored by `score` in full; `shared-scores.test.ts` holds the two to the same result on random exams.
 */
export interface SharedScores {
  readonly plan: QuestionPlan;
  /** The score whatever the answer (dropped, key unknown), if there is one. */
  readonly fixed?: QuestionScore;
  readonly notRead: QuestionScore;
  readonly blank: QuestionScore;
  /** A single valid mark on a single-choice question, by option index; filled as letters are met. */
  readonly byOption: (QuestionScore | undefined)[];
}

export interface CompiledExam {
  readonly questions: readonly SharedScores[];
  /**
   * A common denominator of every mark and penalty (at most 2²⁰), so totals add as integers in units of 1/unit,
   * exactly; 0 when there is none that small.
   */
  readonly unit: number;
}

const compiled = new WeakMap<Exam, CompiledExam>();

/** The exam's shared scores and unit; cached, since exams are immutable. */
export function compileExam(exam: Exam): CompiledExam {
  let found = compiled.get(exam);
  if (!found) {
    const plans = planExam(exam);
    found = { questions: plans.map(sharedScores), unit: commonUnit(plans) };
    compiled.set(exam, found);
  }
  return found;
}

/** The shared score of this answer, or undefined when it must be scored in full. Mirrors `score`'s decisions. */
export function findSharedScore(shared: SharedScores, response: Response): QuestionScore | undefined {
  if (shared.fixed) return shared.fixed;
  if (response.kind === 'missing') return shared.notRead;
  const kind = shared.plan.question.kind;
  if (response.kind === 'blank') return kind === 'free' ? undefined : shared.blank;
  if (kind !== 'single' || response.kind !== 'choice' || (response.invalidMarks?.length ?? 0) > 0) return undefined;
  if (response.selected.length === 0) return shared.blank;
  const letter = response.selected.length === 1 ? response.selected[0] : undefined;
  const index = letter === undefined ? -1 : optionIndex(letter);
  // Exactly an option's letter: `optionIndex` would also take 'B' for b, which scoring refuses.
  if (letter === undefined || shared.plan.letters[index] !== letter) return undefined;
  return (shared.byOption[index] ??= questionScore(shared.plan, singleMarkOutcome(shared.plan, letter)));
}

/** A question's score from its plan and what was decided. */
export function questionScore(plan: QuestionPlan, result: Outcome): QuestionScore {
  return {
    questionId: plan.question.id,
    sectionId: plan.section.id,
    status: result.status,
    points: result.points,
    maximum: plan.maximum,
    reason: result.reason,
    flagged: result.flagged,
  };
}

/** The outcome of a question that scores the same whatever the answer, if it is one. */
export function fixedOutcome(plan: QuestionPlan): Outcome | undefined {
  const { question } = plan;
  if (question.dropped === 'full-marks')
    return outcome('dropped', plan.marks, `question dropped, full marks to everyone: ${signed(plan.marks)}`);
  if (question.dropped === 'exclude')
    return outcome('dropped', Rational.ZERO, 'question dropped: it counts for no one');
  if (question.keyUnknown || (plan.letters.length > 0 && plan.correct.size === 0))
    return outcome('not-scored', Rational.ZERO, 'the key is not known: not scored');
  return undefined;
}

export const NOT_READ_REASON = 'the page with this question was not read from the scan: 0 until it is read';

function sharedScores(plan: QuestionPlan): SharedScores {
  const fixed = fixedOutcome(plan);
  return {
    plan,
    ...(fixed && { fixed: questionScore(plan, fixed) }),
    notRead: questionScore(plan, outcome('missing', Rational.ZERO, NOT_READ_REASON, true)),
    blank: questionScore(plan, outcome('blank', Rational.ZERO, 'blank: 0')),
    byOption: [],
  };
}

const LARGEST_UNIT = 2 ** 20;

function commonUnit(plans: readonly QuestionPlan[]): number {
  let unit = 1;
  for (const plan of plans) {
    for (const value of [plan.marks, plan.penalty]) {
      unit = (unit * value.denominator) / gcd(unit, value.denominator);
      if (unit > LARGEST_UNIT) return 0;
    }
  }
  return unit;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
