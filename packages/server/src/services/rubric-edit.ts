import { printExam, Rational, type Exam, type RubricItem } from '@examforge/core';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { conflict } from '../errors.js';
import { newId } from '../ids.js';
import { badRequest } from './access.js';
import { readGrade } from './grades.js';
import { recordEvent } from './audit.js';
import type { GradingScope } from './grading-scope.js';

/** A change to one rubric item: set (add it, or change its points and text) or remove it. */
export type RubricChange =
  | { readonly kind: 'set'; readonly itemId: string; readonly points: string; readonly text: string }
  | { readonly kind: 'remove'; readonly itemId: string };

/**
 * Changes the question's rubric for the sitting. Like a key change, the edit is a new exam version (the canonical
 * print of the exam with the edited rubric, so the exported file holds the rubric as graded), attached to the
 * sitting with its audit event. Grades store item ids, never points, so every answer carrying an edited item is
 * rescored at once and no other answer moves. An item still applied to an answer cannot be removed (its grades would
 * silently lose points): take it off those answers first, or set its points to 0.
 */
export async function editRubric(
  context: AppContext,
  user: UserRow,
  scope: GradingScope,
  change: RubricChange,
): Promise<RubricItem[]> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(change.itemId))
    throw badRequest('invalid-item-id', 'a rubric item id is lower-case letters, digits and dashes');
  const rubric = await revisedRubric(context, scope, change);
  const revised = withRubric(scope.exam, scope.question.id, rubric);
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('exam_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('exam_id', '=', scope.sitting.exam_id)
      .executeTakeFirst();
    const id = newId();
    await trx
      .insertInto('exam_versions')
      .values({
        id,
        exam_id: scope.sitting.exam_id,
        version: (latest?.version ?? 0) + 1,
        source: printExam(revised),
        published_at: now.toISOString(),
        created_at: now.toISOString(),
      })
      .execute();
    // Conditional on the version the edit was made from: two edits at once must not lose one of them.
    const moved = await trx
      .updateTable('sittings')
      .set({ exam_version_id: id })
      .where('id', '=', scope.sitting.id)
      .where('exam_version_id', '=', scope.sitting.exam_version_id)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0)
      throw conflict('rubric-changed', 'the exam changed while you edited the rubric; reload and edit again');
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'rubric.edited', `sitting:${scope.sitting.id}`, {
      questionId: scope.question.id,
      change,
      before: scope.question.rubric.find((item) => item.id === change.itemId),
      fromVersion: scope.sitting.exam_version_id,
      toVersion: id,
    });
  });
  return rubric;
}

async function revisedRubric(context: AppContext, scope: GradingScope, change: RubricChange): Promise<RubricItem[]> {
  const current = scope.question.rubric;
  const exists = current.some((item) => item.id === change.itemId);
  if (change.kind === 'remove') {
    if (!exists)
      throw badRequest('unknown-rubric-item', `\`${scope.question.id}\` has no rubric item \`${change.itemId}\``);
    const uses = await itemUses(context, scope, change.itemId);
    if (uses > 0)
      throw conflict(
        'rubric-item-in-use',
        `\`${change.itemId}\` is applied to ${uses} answers; take it off them first`,
      );
    return current.filter((item) => item.id !== change.itemId);
  }
  const points = Rational.parse(change.points);
  if (!points) throw badRequest('invalid-points', `\`${change.points}\` is not an exact number of points`);
  const item: RubricItem = { id: change.itemId, points, text: change.text };
  return exists ? current.map((old) => (old.id === change.itemId ? item : old)) : [...current, item];
}

/** How many answers in the sitting carry the item. */
async function itemUses(context: AppContext, scope: GradingScope, itemId: string): Promise<number> {
  const rows = await context.db
    .selectFrom('grades')
    .innerJoin('attempts', 'attempts.id', 'grades.attempt_id')
    .select(['grades.items_json', 'grades.adjustment'])
    .where('attempts.sitting_id', '=', scope.sitting.id)
    .where('grades.question_id', '=', scope.question.id)
    .execute();
  return rows.filter((row) => {
    const grade = readGrade(row);
    return grade.kind === 'rubric' && grade.items.includes(itemId);
  }).length;
}

function withRubric(exam: Exam, questionId: string, rubric: readonly RubricItem[]): Exam {
  return {
    ...exam,
    sections: exam.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) =>
        question.id === questionId && question.kind === 'free' ? { ...question, rubric } : question,
      ),
    })),
  };
}
