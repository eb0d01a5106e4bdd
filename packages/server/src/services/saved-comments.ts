import type { Kysely } from 'kysely';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import type { GradingScope } from './grading-scope.js';
import { recordEvent } from './audit.js';

/**
 * Keeps a comment for reuse on the same question (per exam, so every sitting of it shares them): a comment used
 * once is offered again, the most used first. Inside the caller's transaction.
 */
export async function rememberComment(
  trx: Kysely<Database>,
  scope: GradingScope,
  user: UserRow,
  text: string,
  uses: number,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('grading_comments')
    .values({
      exam_id: scope.sitting.exam_id,
      question_id: scope.question.id,
      text,
      uses,
      created_by: user.id,
      last_used_at: now.toISOString(),
    })
    .onConflict((c) =>
      c.columns(['exam_id', 'question_id', 'text']).doUpdateSet((eb) => ({
        uses: eb('grading_comments.uses', '+', eb.ref('excluded.uses')),
        last_used_at: eb.ref('excluded.last_used_at'),
      })),
    )
    .execute();
}

/** Saves a comment for later without using it yet (a grader preparing the usual remarks). */
export async function saveComment(
  context: AppContext,
  user: UserRow,
  scope: GradingScope,
  text: string,
): Promise<{ text: string; uses: number }[]> {
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    await rememberComment(trx, scope, user, text, 0, now);
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'grading.comment-saved', `sitting:${scope.sitting.id}`, {
      questionId: scope.question.id,
      text,
    });
  });
  return listComments(context, scope);
}

export async function listComments(
  context: AppContext,
  scope: GradingScope,
): Promise<{ text: string; uses: number }[]> {
  return context.db
    .selectFrom('grading_comments')
    .select(['text', 'uses'])
    .where('exam_id', '=', scope.sitting.exam_id)
    .where('question_id', '=', scope.question.id)
    .orderBy('uses', 'desc')
    .orderBy('last_used_at', 'desc')
    .limit(200)
    .execute();
}
