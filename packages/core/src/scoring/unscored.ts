import type { Exam } from '../model.js';
import { Rational } from '../rational.js';
import { planExam } from './plan.js';

/** A question whose marks are left out of the maximum, and why. */
export interface UnscoredQuestion {
  readonly questionId: string;
  /** Its number in exam order (1-based). */
  readonly number: number;
  readonly marks: Rational;
  /** `no-key`: the key is not known; `dropped`: an instructor dropped it, so it counts for no one. */
  readonly reason: 'no-key' | 'dropped';
}

/** What a maximum leaves out: the paper's own marks and the questions that are not scored. */
export interface UnscoredMarks {
  /** What the paper's questions are worth, bonus questions aside (the maximum plus every unscored question). */
  readonly paperMarks: Rational;
  readonly questions: readonly UnscoredQuestion[];
}

/**
 * The questions the maximum leaves out, so a page can say why a 20-mark paper is scored "out of 16". A question
 * dropped with full marks to everyone is scored (everyone has its marks) and is not listed; bonus questions are
 * never part of the maximum nor of the paper's marks.
 *
 * @example
 * unscoredMarks(exam); // { paperMarks: 20, questions: [{ questionId: 'q-foo', number: 3, marks: 2, reason: 'no-key' }, …] }
 */
export function unscoredMarks(exam: Exam): UnscoredMarks {
  // Plans are in exam order, so a plan's index gives the question's number.
  const plans = planExam(exam).map((plan, index) => ({ plan, number: index + 1 }));
  const counted = plans.filter(({ plan }) => !plan.question.bonus);
  const questions = counted.flatMap(({ plan, number }): UnscoredQuestion[] => {
    const { question } = plan;
    const reason = question.dropped === 'exclude' ? 'dropped' : question.keyUnknown ? 'no-key' : undefined;
    return reason === undefined ? [] : [{ questionId: question.id, number, marks: plan.marks, reason }];
  });
  return { paperMarks: Rational.sum(counted.map(({ plan }) => plan.marks)), questions };
}
