import type { AnswerFlag, SetFlag } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { GradingFlagsTable } from '../db/schema.js';
import { recordEvent } from './audit.js';
import { answerSubject, type GradingScope } from './grading-scope.js';

/**
 * Flags an answer for a second look (a question for the instructor, a suspected copy, an unreadable scan) with a note
 * saying why, or clears the flag; either way an audit event in the same transaction. Flagging again replaces the
 * note. A flag does not hold the answer back: it can be graded while flagged, and the `flagged` filter finds it.
 */
export async function setAnswerFlag(
  context: AppContext,
  grader: UserRow,
  scope: GradingScope,
  attemptId: string,
  request: SetFlag,
): Promise<GradingFlagsTable | undefined> {
  const now = context.clock.now();
  return context.db.transaction().execute(async (trx) => {
    const where = { attempt_id: attemptId, question_id: scope.question.id };
    const actor = { kind: 'user' as const, id: grader.id };
    const subject = answerSubject(attemptId, scope);
    if (!request.flagged) {
      const cleared = await trx
        .deleteFrom('grading_flags')
        .where('attempt_id', '=', attemptId)
        .where('question_id', '=', scope.question.id)
        .executeTakeFirst();
      if (Number(cleared.numDeletedRows) > 0)
        await recordEvent(trx, now, actor, 'grading.unflagged', subject, { questionId: scope.question.id });
      return undefined;
    }
    const row = { ...where, note: request.note, flagged_by: grader.id, flagged_at: now.toISOString() };
    await trx
      .insertInto('grading_flags')
      .values(row)
      .onConflict((c) =>
        c.columns(['attempt_id', 'question_id']).doUpdateSet({
          note: row.note,
          flagged_by: row.flagged_by,
          flagged_at: row.flagged_at,
        }),
      )
      .execute();
    await recordEvent(trx, now, actor, 'grading.flagged', subject, { questionId: scope.question.id, note: row.note });
    return row;
  });
}

/** The question's flagged answers in the sitting, by attempt id. */
export async function questionFlags(context: AppContext, scope: GradingScope): Promise<Map<string, GradingFlagsTable>> {
  const rows = await context.db
    .selectFrom('grading_flags')
    .innerJoin('attempts', 'attempts.id', 'grading_flags.attempt_id')
    .selectAll('grading_flags')
    .where('attempts.sitting_id', '=', scope.sitting.id)
    .where('grading_flags.question_id', '=', scope.question.id)
    .execute();
  return new Map(rows.map((row) => [row.attempt_id, row]));
}

/** A flag as graders see it: who flagged it, by name. */
export function presentFlag(row: GradingFlagsTable, flaggedBy: string): AnswerFlag {
  return { note: row.note, flaggedBy, flaggedAt: row.flagged_at };
}
