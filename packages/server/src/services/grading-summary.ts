import { listQuestions } from '@examforge/core';
import type { GradingProgress } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { loadQueue, queueProgress } from './grading-queue.js';
import { getGradingScope } from './grading-scope.js';
import { findSittingRow } from './sittings.js';
import { loadExamVersion } from './exams.js';

/** How much grading is left, per written question of the sitting, in exam order. */
export async function gradingSummary(
  context: AppContext,
  viewer: UserRow,
  sittingId: string,
): Promise<GradingProgress[]> {
  const sitting = await findSittingRow(context, sittingId);
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const written = listQuestions(exam).filter(({ question }) => question.kind === 'free');
  return Promise.all(
    written.map(async ({ question }) => {
      const scope = await getGradingScope(context, sittingId, question.id);
      return queueProgress(scope, await loadQueue(context, scope), viewer.id);
    }),
  );
}
