import { Rational } from '@examforge/core';
import type { Kysely } from 'kysely';
import type { GradeInput } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Database, GradesTable } from '../db/schema.js';
import { conflict } from '../errors.js';
import { recordEvent, type Actor } from './audit.js';
import { validateGradeInput } from './grades.js';
import { requireGradable } from './grading-queue.js';
import { answerSubject, type GradingScope } from './grading-scope.js';
import { rememberComment } from './saved-comments.js';

/** One answer to grade, with the grade version the grader saw (0: it had none). */
export interface GradeTarget {
  readonly attemptId: string;
  readonly expectedVersion: number;
}

/** Thrown inside the transaction so that nothing of a group is written when one member is stale. */
class StaleGrade extends Error {
  constructor(
    readonly target: GradeTarget,
    readonly currentVersion: number,
  ) {
    super('stale grade');
  }
}

/**
 * Writes a grade to each target, each with its own audit event, in one transaction. A target whose grade changed
 * since the grader saw it (another grader saved first) refuses the whole write: nothing is overwritten silently; the
 * conflict is recorded in the audit trail and reported as 409 `grade-conflict`.
 *
 * @example
 * await applyGrades(context, user, scope, [{ attemptId, expectedVersion: 0 }], { items: ['js-constant'] });
 */
export async function applyGrades(
  context: AppContext,
  user: UserRow,
  scope: GradingScope,
  targets: readonly GradeTarget[],
  input: GradeInput,
): Promise<void> {
  validateGradeInput(scope, input);
  await requireGradable(
    context,
    scope,
    targets.map((target) => target.attemptId),
  );
  const now = context.clock.now();
  const actor: Actor = { kind: 'user', id: user.id };
  try {
    await context.db.transaction().execute(async (trx) => {
      for (const target of targets) await writeGrade(trx, now, actor, scope, target, input);
      if (input.comment?.trim()) await rememberComment(trx, scope, user, input.comment.trim(), targets.length, now);
    });
  } catch (error) {
    if (!(error instanceof StaleGrade)) throw error;
    await recordEvent(context.db, now, actor, 'grade.conflict', answerSubject(error.target.attemptId, scope), {
      questionId: scope.question.id,
      expectedVersion: error.target.expectedVersion,
      currentVersion: error.currentVersion,
      refused: input,
    });
    throw conflict(
      'grade-conflict',
      `another grader saved this answer first (version ${error.currentVersion}, you saw ${error.target.expectedVersion}); ` +
        'reload it to see their grade',
    );
  }
}

async function writeGrade(
  trx: Kysely<Database>,
  now: Date,
  actor: Actor,
  scope: GradingScope,
  target: GradeTarget,
  input: GradeInput,
): Promise<void> {
  const questionId = scope.question.id;
  const previous =
    target.expectedVersion === 0
      ? undefined
      : await trx
          .selectFrom('grades')
          .selectAll()
          .where('attempt_id', '=', target.attemptId)
          .where('question_id', '=', questionId)
          .where('version', '=', target.expectedVersion)
          .executeTakeFirst();
  const values = gradeValues(input, actor.id, now, target.expectedVersion + 1);
  // The conditional write is what decides a race: of two graders who saw the same version, one write matches.
  const written =
    target.expectedVersion === 0
      ? await trx
          .insertInto('grades')
          .values({ attempt_id: target.attemptId, question_id: questionId, ...values })
          .onConflict((c) => c.columns(['attempt_id', 'question_id']).doNothing())
          .executeTakeFirst()
          .then((result) => Number(result.numInsertedOrUpdatedRows ?? 0))
      : await trx
          .updateTable('grades')
          .set(values)
          .where('attempt_id', '=', target.attemptId)
          .where('question_id', '=', questionId)
          .where('version', '=', target.expectedVersion)
          .executeTakeFirst()
          .then((result) => Number(result.numUpdatedRows));
  if (written === 0) throw new StaleGrade(target, await currentVersion(trx, target, questionId));
  await trx
    .deleteFrom('grading_claims')
    .where('attempt_id', '=', target.attemptId)
    .where('question_id', '=', questionId)
    .where('grader_id', '=', actor.id)
    .execute();
  await recordEvent(trx, now, actor, 'grade.applied', answerSubject(target.attemptId, scope), {
    questionId,
    version: values.version,
    items: input.items,
    adjustment: values.adjustment,
    adjustmentReason: values.adjustment_reason,
    comment: values.comment,
    previous: previous && {
      version: previous.version,
      items: previous.items_json,
      adjustment: previous.adjustment,
      comment: previous.comment,
      gradedBy: previous.graded_by,
    },
  });
}

async function currentVersion(trx: Kysely<Database>, target: GradeTarget, questionId: string): Promise<number> {
  const row = await trx
    .selectFrom('grades')
    .select('version')
    .where('attempt_id', '=', target.attemptId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  return row?.version ?? 0;
}

function gradeValues(
  input: GradeInput,
  graderId: string,
  now: Date,
  version: number,
): Omit<GradesTable, 'attempt_id' | 'question_id'> {
  const adjustment = input.adjustment === undefined ? undefined : Rational.parse(input.adjustment);
  const hasAdjustment = adjustment !== undefined && !adjustment.isZero();
  return {
    items_json: JSON.stringify(input.items),
    adjustment: hasAdjustment ? adjustment.toString() : null,
    adjustment_reason: hasAdjustment ? (input.adjustmentReason?.trim() ?? null) : null,
    comment: input.comment?.trim() ? input.comment.trim() : null,
    graded_by: graderId,
    graded_at: now.toISOString(),
    version,
  };
}
