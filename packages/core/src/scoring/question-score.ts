import type { Rational } from '../rational.js';

export type QuestionStatus =
  | 'correct'
  | 'partial'
  | 'wrong'
  | 'blank'
  /** The answer was not read from the scan (its sheet page is missing or unreadable): 0, flagged. */
  | 'missing'
  | 'invalid'
  /** The key is unknown: no points, and the question leaves the maximum. */
  | 'not-scored'
  /** A free-response answer no grader has graded yet. */
  | 'ungraded'
  | 'dropped';

/** The points one answer earned, and why, in words a student and a grader both understand. */
export interface QuestionScore {
  readonly questionId: string;
  readonly sectionId: string;
  readonly status: QuestionStatus;
  readonly points: Rational;
  /** What the question contributes to the maximum (0 for bonus, excluded and not-scored questions). */
  readonly maximum: Rational;
  readonly reason: string;
  /**
   * A person should look at this answer (invalid marks, several marks, an answer not read from the scan, a grade that
   * does not fit the rubric).
   */
  readonly flagged: boolean;
}
