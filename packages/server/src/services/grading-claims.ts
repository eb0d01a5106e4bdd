import type { Kysely } from 'kysely';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { conflict } from '../errors.js';
import { recordEvent } from './audit.js';
import { answerSubject, type GradingScope } from './grading-scope.js';

/** How long an answer shown to a grader stays theirs; the page renews it while the grader works on it. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Claims an answer for a grader unless another grader holds a live claim on it: one conditional upsert, so of two
 * graders racing for the same answer exactly one gets it. Returns the claim's expiry, or undefined when taken.
 */
export async function tryClaim(
  db: Kysely<Database>,
  grader: UserRow,
  scope: GradingScope,
  attemptId: string,
  now: Date,
): Promise<string | undefined> {
  const expiresAt = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const result = await db
    .insertInto('grading_claims')
    .values({ attempt_id: attemptId, question_id: scope.question.id, grader_id: grader.id, expires_at: expiresAt })
    .onConflict((c) =>
      c
        .columns(['attempt_id', 'question_id'])
        .doUpdateSet((eb) => ({ grader_id: eb.ref('excluded.grader_id'), expires_at: eb.ref('excluded.expires_at') }))
        .where((eb) =>
          eb.or([
            eb('grading_claims.expires_at', '<=', now.toISOString()),
            eb('grading_claims.grader_id', '=', grader.id),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? expiresAt : undefined;
}

/** Lets go of the grader's other claims on the question: a grader works on one answer of a question at a time. */
export async function releaseOtherClaims(
  db: Kysely<Database>,
  grader: UserRow,
  scope: GradingScope,
  keepAttemptId: string | undefined,
): Promise<void> {
  let query = db
    .deleteFrom('grading_claims')
    .where('grader_id', '=', grader.id)
    .where('question_id', '=', scope.question.id);
  if (keepAttemptId !== undefined) query = query.where('attempt_id', '!=', keepAttemptId);
  await query.execute();
}

/**
 * Claims (or renews the claim on) one answer the grader opened. Another grader's live claim is a conflict: 409
 * `answer-claimed`, recorded in the audit trail.
 */
export async function claimAnswer(
  context: AppContext,
  grader: UserRow,
  scope: GradingScope,
  attemptId: string,
): Promise<string> {
  const now = context.clock.now();
  const expiresAt = await tryClaim(context.db, grader, scope, attemptId, now);
  if (expiresAt) return expiresAt;
  const holder = await context.db
    .selectFrom('grading_claims')
    .select(['grader_id', 'expires_at'])
    .where('attempt_id', '=', attemptId)
    .where('question_id', '=', scope.question.id)
    .executeTakeFirst();
  await recordEvent(
    context.db,
    now,
    { kind: 'user', id: grader.id },
    'grading.claim-conflict',
    answerSubject(attemptId, scope),
    {
      questionId: scope.question.id,
      heldBy: holder?.grader_id,
      until: holder?.expires_at,
    },
  );
  throw conflict('answer-claimed', `another grader is grading this answer until ${holder?.expires_at ?? 'soon'}`);
}

/** Live claims on the question's answers, by attempt: who holds each and until when. */
export async function liveClaims(
  context: AppContext,
  scope: GradingScope,
): Promise<Map<string, { graderId: string; expiresAt: string }>> {
  const rows = await context.db
    .selectFrom('grading_claims')
    .innerJoin('attempts', 'attempts.id', 'grading_claims.attempt_id')
    .select(['grading_claims.attempt_id', 'grading_claims.grader_id', 'grading_claims.expires_at'])
    .where('attempts.sitting_id', '=', scope.sitting.id)
    .where('grading_claims.question_id', '=', scope.question.id)
    .where('grading_claims.expires_at', '>', context.clock.now().toISOString())
    .execute();
  return new Map(rows.map((row) => [row.attempt_id, { graderId: row.grader_id, expiresAt: row.expires_at }]));
}
