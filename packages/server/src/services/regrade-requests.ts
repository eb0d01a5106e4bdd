import { findQuestion } from '@examforge/core';
import type { NewRegradeRequest, OwnRegradeRequest, OwnRegradeRequests } from '../api/index.js';
import type { RosterRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { AttemptsTable, RegradeRequestsTable } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { attemptExam } from './attempt-exam.js';
import { attemptStatus } from './attempts.js';
import { recordEvent } from './audit.js';
import { regradeRefusal } from './regrade-window.js';
import { findReleaseOverride } from './release-override-row.js';
import { resultsReleasedTo } from './student-release.js';
import { findSittingRow } from './sittings.js';

/**
 * A student asks for one of their answers to be graded again, with a reason: only once results are released, before
 * the instructor's deadline, for a question on their exam, and one open request per question (a partial unique
 * index holds that on both databases, even for two requests filed at once). Audited as `regrade.requested`.
 *
 * @example
 * await fileRegradeRequest(context, student, { questionId: 'wasserstein-vs-js', reason: 'Item 2 is in my answer.' });
 */
export async function fileRegradeRequest(
  context: AppContext,
  student: RosterRow,
  input: NewRegradeRequest,
): Promise<OwnRegradeRequest> {
  const { sitting, attempt, resultsReleased } = await studentScope(context, student);
  const now = context.clock.now();
  const refusal = regradeRefusal(sitting, now, resultsReleased);
  if (refusal) throw refusal;
  if (!attempt || attemptStatus(attempt, now) === 'open')
    throw conflict('no-results', 'there are no results of yours to ask about yet');
  const exam = await attemptExam(context, sitting.exam_version_id, attempt);
  const placed = findQuestion(exam, input.questionId);
  if (!placed) throw conflict('question-not-on-exam', `your exam has no question \`${input.questionId}\``);
  const row: RegradeRequestsTable = {
    id: newId(),
    sitting_id: sitting.id,
    attempt_id: attempt.id,
    question_id: input.questionId,
    reason: input.reason,
    status: 'open',
    reply: null,
    created_at: now.toISOString(),
    decided_at: null,
    decided_by: null,
    grade_version: null,
  };
  const alreadyOpen = conflict(
    'regrade-already-open',
    `question ${placed.number} already has an open regrade request: wait for its answer, or withdraw it first`,
  );
  try {
    await context.db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom('regrade_requests')
        .select('id')
        .where('attempt_id', '=', attempt.id)
        .where('question_id', '=', input.questionId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (open) throw alreadyOpen;
      await trx.insertInto('regrade_requests').values(row).execute();
      await recordEvent(trx, now, { kind: 'student', id: student.id }, 'regrade.requested', answerOf(row), {
        requestId: row.id,
        questionId: row.question_id,
        reason: row.reason,
      });
    });
  } catch (error) {
    // The other of two requests filed at once: the index refused it after the first committed.
    if (isUniqueViolation(error)) throw alreadyOpen;
    throw error;
  }
  return presentOwnRequest(row);
}

/** The student's requests, newest first, and whether they may file one now. */
export async function listOwnRegradeRequests(context: AppContext, student: RosterRow): Promise<OwnRegradeRequests> {
  const { sitting, attempt, resultsReleased } = await studentScope(context, student);
  const rows = attempt
    ? await context.db
        .selectFrom('regrade_requests')
        .selectAll()
        .where('attempt_id', '=', attempt.id)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute()
    : [];
  const now = context.clock.now();
  const open =
    attempt !== undefined && attemptStatus(attempt, now) !== 'open' && !regradeRefusal(sitting, now, resultsReleased);
  return {
    window: { open, ...(sitting.regrade_until && { until: sitting.regrade_until }) },
    requests: rows.map(presentOwnRequest),
  };
}

/**
 * The student takes back their open request (audited as `regrade.withdrawn`); a request staff already answered
 * stays as answered (409).
 */
export async function withdrawRegradeRequest(
  context: AppContext,
  student: RosterRow,
  requestId: string,
): Promise<OwnRegradeRequest> {
  const { attempt } = await studentScope(context, student);
  const row = attempt
    ? await context.db
        .selectFrom('regrade_requests')
        .selectAll()
        .where('id', '=', requestId)
        .where('attempt_id', '=', attempt.id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('regrade request');
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('regrade_requests')
      .set({ status: 'withdrawn', decided_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw conflict('regrade-not-open', `this request was already ${row.status}; it cannot be withdrawn`);
    await recordEvent(trx, now, { kind: 'student', id: student.id }, 'regrade.withdrawn', answerOf(row), {
      requestId: row.id,
      questionId: row.question_id,
    });
  });
  return presentOwnRequest({ ...row, status: 'withdrawn', decided_at: now.toISOString() });
}

/** Audit subjects name the answer, as grading's do, so a request's trail sits with the answer's grades. */
export function answerOf(row: Pick<RegradeRequestsTable, 'attempt_id' | 'question_id'>): string {
  return `answer:${row.attempt_id}/${row.question_id}`;
}

export function presentOwnRequest(row: RegradeRequestsTable): OwnRegradeRequest {
  return {
    id: row.id,
    questionId: row.question_id,
    reason: row.reason,
    status: row.status,
    ...(row.reply !== null && { reply: row.reply }),
    createdAt: row.created_at,
    ...(row.decided_at !== null && { decidedAt: row.decided_at }),
  };
}

async function studentScope(context: AppContext, student: RosterRow) {
  const sitting = await findSittingRow(context, student.sitting_id);
  const attempt: AttemptsTable | undefined = await context.db
    .selectFrom('attempts')
    .selectAll()
    .where('roster_id', '=', student.id)
    .executeTakeFirst();
  const override = await findReleaseOverride(context.db, student.id);
  return { sitting, attempt, resultsReleased: resultsReleasedTo(sitting, override, context.clock.now()) };
}

/** A unique index refused the write: SQLite (better-sqlite3) and PostgreSQL (`pg`) say so by their own codes. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
