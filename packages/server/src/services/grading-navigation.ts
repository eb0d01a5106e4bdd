import type { NextAnswer } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { releaseOtherClaims, tryClaim } from './grading-claims.js';
import { loadQueue, queueProgress, type QueueState } from './grading-queue.js';
import type { GradingScope } from './grading-scope.js';
import { matchesFilter, presentAnswerForGrading } from './grading-view.js';

/**
 * Moves a grader to the next (or previous) answer under their filters and claims it for a short lease, so two
 * graders are not sent the same answer: answers another grader holds are skipped, and of two graders racing for one
 * answer the claim lets one have it and the other takes the one after. Looking for ungraded answers wraps around to
 * the start of the queue; nothing left gives no answer and the progress.
 */
export async function claimNextAnswer(context: AppContext, grader: UserRow, scope: GradingScope, request: NextAnswer) {
  const state = await loadQueue(context, scope);
  for (const attemptId of candidates(state, grader, request)) {
    const expiresAt = await tryClaim(context.db, grader, scope, attemptId, context.clock.now());
    if (!expiresAt) continue;
    // Graded by someone else since the queue was read: not what a grader asking for ungraded answers wants.
    if (request.filter === 'ungraded' && (await isGraded(context, scope, attemptId))) continue;
    if (holdsOthers(state, grader, attemptId)) await releaseOtherClaims(context.db, grader, scope, attemptId);
    const claims = new Map(state.claims).set(attemptId, { graderId: grader.id, expiresAt });
    const answer = await presentAnswerForGrading(context, grader, scope, attemptId, { ...state, claims });
    return { answer, progress: answer.progress };
  }
  if (holdsOthers(state, grader, undefined)) await releaseOtherClaims(context.db, grader, scope, undefined);
  return { progress: queueProgress(scope, state, grader.id) };
}

/** Whether the grader holds a claim on another answer of the question (saving a grade lets go of its claim). */
function holdsOthers(state: QueueState, grader: UserRow, keep: string | undefined): boolean {
  for (const [attemptId, claim] of state.claims) if (claim.graderId === grader.id && attemptId !== keep) return true;
  return false;
}

async function isGraded(context: AppContext, scope: GradingScope, attemptId: string): Promise<boolean> {
  const row = await context.db
    .selectFrom('grades')
    .select('version')
    .where('attempt_id', '=', attemptId)
    .where('question_id', '=', scope.question.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Answers in the order the grader meets them, without those another grader holds. */
function candidates(state: QueueState, grader: UserRow, request: NextAnswer): string[] {
  const free = state.answers
    .map((answer) => answer.attemptId)
    .filter((id) => (state.claims.get(id)?.graderId ?? grader.id) === grader.id)
    .filter((id) => matchesFilter(state, id, request));
  const after = request.after;
  if (after === undefined) return request.direction === 'next' ? free : free.reverse();
  if (request.direction === 'previous') return free.filter((id) => id < after).reverse();
  const ahead = free.filter((id) => id > after);
  return request.filter === 'ungraded' ? [...ahead, ...free.filter((id) => id <= after)] : ahead;
}
