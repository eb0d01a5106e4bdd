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

/** One grade to write: the answer (with the version its grader saw), its question's scope and the grade. */
export interface GradeWrite {
  readonly scope: GradingScope;
  readonly target: GradeTarget;
  readonly input: GradeInput;
}

/** Thrown inside the transaction so that nothing of a batch is written when one answer is stale. */
class StaleGrade extends Error {
  constructor(
    readonly write: GradeWrite,
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
  await writeGrades(
    context,
    user,
    targets.map((target) => ({ scope, target, input })),
  );
}

/**
 * The one path every grade takes to the database: all the writes (each its own grade version and `grade.applied`
 * event) and `alsoInTransaction` commit together or not at all; a stale write refuses everything as 409
 * `grade-conflict`, recorded in the audit trail. Callers validate the grades and check the answers are gradable.
 *
 * @example
 * await writeGrades(context, user, [{ scope, target: { attemptId, expectedVersion: 2 }, input }]);
 */
export async function writeGrades(
  context: AppContext,
  user: UserRow,
  writes: readonly GradeWrite[],
  alsoInTransaction?: (trx: Kysely<Database>, now: Date) => Promise<void>,
): Promise<void> {
  const now = context.clock.now();
  const actor: Actor = { kind: 'user', id: user.id };
  try {
    await context.db.transaction().execute(async (trx) => {
      for (const write of writes) await writeGrade(trx, now, actor, write);
      for (const { scope, text, uses } of commentUses(writes)) await rememberComment(trx, scope, user, text, uses, now);
      await alsoInTransaction?.(trx, now);
    });
  } catch (error) {
    if (!(error instanceof StaleGrade)) throw error;
    const { scope, target, input } = error.write;
    await recordEvent(context.db, now, actor, 'grade.conflict', answerSubject(target.attemptId, scope), {
      questionId: scope.question.id,
      expectedVersion: target.expectedVersion,
      currentVersion: error.currentVersion,
      refused: input,
    });
    throw conflict(
      'grade-conflict',
      `another grader saved this answer first (version ${error.currentVersion}, you saw ${target.expectedVersion}); ` +
        'reload it to see their grade',
    );
  }
}

/** Each comment of the batch once per question, with how many answers it was given to (for reuse, most used first). */
function commentUses(writes: readonly GradeWrite[]): { scope: GradingScope; text: string; uses: number }[] {
  const uses = new Map<string, { scope: GradingScope; text: string; uses: number }>();
  for (const { scope, input } of writes) {
    const text = input.comment?.trim();
    if (!text) continue;
    const key = JSON.stringify([scope.question.id, text]);
    const entry = uses.get(key) ?? { scope, text, uses: 0 };
    uses.set(key, { ...entry, uses: entry.uses + 1 });
  }
  return [...uses.values()];
}

async function writeGrade(trx: Kysely<Database>, now: Date, actor: Actor, write: GradeWrite): Promise<void> {
  const { scope, target, input } = write;
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
  if (written === 0) throw new StaleGrade(write, await currentVersion(trx, target, questionId));
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
