import type { QuestionBase } from '../model.js';

/**
 * Why a question of the exam has no figures in the item analysis, in the words every presenter uses (the server's
 * statistics, the command line's tables, the CSV and the HTML report): a question left out of the scoring first,
 * then a class with nobody to analyse, and otherwise a question whose answers gave no marks to count.
 *
 * @example
 * notAnalysedReason({ keyUnknown: true, bonus: false }, 30); // 'its key is unknown: not scored'
 * notAnalysedReason({ keyUnknown: false, bonus: false }, 0); // 'no finished answers to analyse'
 */
export function notAnalysedReason(
  question: Pick<QuestionBase, 'dropped' | 'keyUnknown' | 'bonus'>,
  students: number,
): string {
  if (question.dropped) return `dropped (${question.dropped === 'full-marks' ? 'full marks to all' : 'excluded'})`;
  if (question.keyUnknown) return 'its key is unknown: not scored';
  if (question.bonus) return 'a bonus question: not in the maximum';
  return students === 0 ? 'no finished answers to analyse' : 'no marks to analyse';
}
