import type { AppContext } from '../context.js';
import type { GradingScope } from './grading-scope.js';

/**
 * The seam for handwritten answers: the crop of each paper attempt's answer box for the question, by attempt id, as
 * the URL the grading page shows. The scanner does not store box crops yet (issue 10, "Paper"), so there are none
 * and paper answers do not enter the queue; once crops are stored (a table keyed by attempt and question, blank
 * boxes marked), return them here and the queue, progress, claims, grades and results take them as they take typed
 * answers.
 */
export function paperAnswerCrops(_context: AppContext, _scope: GradingScope): Promise<Map<string, string>> {
  return Promise.resolve(new Map<string, string>());
}
