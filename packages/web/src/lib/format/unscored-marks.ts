import { Rational } from '@examforge/core';
import type { UnscoredMarksView } from '@examforge/server/api';

const REASONS: Record<UnscoredMarksView['questions'][number]['reason'], string> = {
  'no-key': 'no key',
  dropped: 'dropped',
};

/**
 * Why a total is "out of 16" on a 20-mark paper, in one sentence; `label` names a question as the page does (a
 * student's "question 3", the instructor's "Q3 conv-grad-valid").
 *
 * @example
 * unscoredSentence('16', unscored, (q) => `question ${q.number}`);
 * // "16 of the paper's 20 marks are scored: 4 marks are in questions not scored (question 20: no key; …)."
 */
export function unscoredSentence(
  maximum: string,
  unscored: UnscoredMarksView,
  label: (question: UnscoredMarksView['questions'][number]) => string,
): string {
  const left = Rational.sum(unscored.questions.map((question) => Rational.parse(question.marks) ?? Rational.ZERO));
  const each = unscored.questions.map((question) => `${label(question)}: ${REASONS[question.reason]}`).join('; ');
  const marks = `${left.toString()} ${left.equals(1) ? 'mark is' : 'marks are'}`;
  return `${maximum} of the paper's ${unscored.paperMarks} marks are scored: ${marks} in questions not scored (${each}).`;
}
