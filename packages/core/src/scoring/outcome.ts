import type { Rational } from '../rational.js';
import type { QuestionStatus } from './question-score.js';

/** What a question scorer decides; the caller adds the question's identity and maximum. */
export interface Outcome {
  readonly status: QuestionStatus;
  readonly points: Rational;
  readonly reason: string;
  readonly flagged: boolean;
}

export function outcome(status: QuestionStatus, points: Rational, reason: string, flagged = false): Outcome {
  return { status, points, reason, flagged };
}

/** Status from points: full marks correct, some partial, none or less wrong. */
export function statusFromPoints(points: Rational, marks: Rational): QuestionStatus {
  if (points.compare(marks) >= 0) return 'correct';
  return points.isPositive() ? 'partial' : 'wrong';
}

/** `+0.5`, `−0.5`, `0`: signed points for reasons. */
export function signed(points: Rational): string {
  if (points.isZero()) return '0';
  return points.isNegative() ? `−${points.negated().format(4)}` : `+${points.format(4)}`;
}

export function listLetters(letters: Iterable<string>): string {
  return [...letters].map((letter) => `(${letter})`).join(', ');
}
