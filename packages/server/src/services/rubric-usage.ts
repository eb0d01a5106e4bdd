import { rubricUsage, type Exam, type ScoredStudent } from '@examforge/core';
import type { RubricUsageView } from '../api/index.js';

/**
 * The rubric usage of the analysed attempts as the API presents it. The grades are those results score with
 * (`scoreSitting` reads them with the answers), so the counts and the points agree.
 */
export function presentRubricUsage(exam: Exam, finished: readonly ScoredStudent[]): RubricUsageView[] {
  return rubricUsage(exam, finished).map((question) => ({
    ...question,
    items: question.items.map((item) => ({ ...item, share: Number.isFinite(item.share) ? item.share : null })),
  }));
}
