import type { Kysely } from 'kysely';
import type { RegradeDecision, RegradeRequestView } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { conflict } from '../errors.js';
import { badRequest } from './access.js';
import { writeGrades } from './apply-grade.js';
import { recordEvent } from './audit.js';
import { loadExamVersion } from './exams.js';
import { validateGradeInput } from './grades.js';
import { requireGradable } from './grading-queue.js';
import { getGradingScope } from './grading-scope.js';
import { getRegradeRequestView, getRequestRow, isWrittenQuestion } from './regrade-queue.js';
import { answerOf } from './regrade-requests.js';
import { findSittingRow } from './sittings.js';

type Row = Awaited<ReturnType<typeof getRequestRow>>;

/**
 * Staff answer an open request with a reply. Accepting a written answer's request writes its new grade through the
 * grading path (`writeGrades`: a new grade version, `grade.applied`, 409 `grade-conflict` on a stale version) in the
 * same transaction as the decision, so results recompute from it; accepting any other question carries only the
 * reply, since its fix is a key change that regrades everyone. Audited as `regrade.accepted` or `regrade.declined`.
 *
 * @example
 * await decideRegradeRequest(context, grader, sittingId, requestId, {
 *   outcome: 'accepted',
 *   reply: 'Item 2 is there; added.',
 *   grade: { items: ['js-constant', 'w1-gradient'], expectedVersion: 1 },
 * });
 */
export async function decideRegradeRequest(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  requestId: string,
  decision: RegradeDecision,
): Promise<RegradeRequestView> {
  const row = await getRequestRow(context, sittingId, requestId);
  if (row.status !== 'open') throw notOpen(row.status);
  const sitting = await findSittingRow(context, sittingId);
  const written = isWrittenQuestion(await loadExamVersion(context, sitting.exam_version_id), row.question_id);
  const { grade, ...answer } = decision;
  if (decision.outcome === 'declined' && grade)
    throw badRequest('grade-with-decline', 'a declined request keeps its grade: send the reply without a grade');
  if (decision.outcome === 'accepted' && written && !grade)
    throw badRequest('grade-required', 'accepting a regrade of a written answer needs its new grade');
  if (!written && grade)
    throw badRequest(
      'grade-not-applicable',
      'this is not a written answer: its fix is a key change, which regrades everyone; accept it with a reply only',
    );
  if (grade) {
    const scope = await getGradingScope(context, sittingId, row.question_id);
    const { expectedVersion, ...input } = grade;
    validateGradeInput(scope, input);
    await requireGradable(context, scope, [row.attempt_id]);
    const target = { attemptId: row.attempt_id, expectedVersion };
    await writeGrades(context, user, [{ scope, target, input }], (trx, now) =>
      recordDecision(trx, now, user, row, { ...answer, gradeVersion: expectedVersion + 1 }),
    );
  } else {
    const now = context.clock.now();
    await context.db.transaction().execute((trx) => recordDecision(trx, now, user, row, answer));
  }
  return getRegradeRequestView(context, sittingId, row.id);
}

/** The decision, written only if the request is still open: of two staff deciding at once, one wins (409). */
async function recordDecision(
  trx: Kysely<Database>,
  now: Date,
  user: UserRow,
  row: Row,
  decision: { outcome: 'accepted' | 'declined'; reply: string; gradeVersion?: number },
): Promise<void> {
  const updated = await trx
    .updateTable('regrade_requests')
    .set({
      status: decision.outcome,
      reply: decision.reply,
      decided_at: now.toISOString(),
      decided_by: user.id,
      grade_version: decision.gradeVersion ?? null,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const current = await trx
      .selectFrom('regrade_requests')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirst();
    throw notOpen(current?.status ?? 'removed');
  }
  await recordEvent(trx, now, { kind: 'user', id: user.id }, `regrade.${decision.outcome}`, answerOf(row), {
    requestId: row.id,
    questionId: row.question_id,
    reply: decision.reply,
    ...(decision.gradeVersion !== undefined && { gradeVersion: decision.gradeVersion }),
  });
}

function notOpen(status: string) {
  return conflict('regrade-not-open', `this regrade request is no longer open (it was ${status})`);
}
