import {
  dropQuestion,
  findQuestion,
  optionIndex,
  printExam,
  withKey,
  type DropMode,
  type Exam,
  type Question,
} from '@examforge/core';
import type { ResultRow } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { conflict } from '../errors.js';
import { newId } from '../ids.js';
import { badRequest } from './access.js';
import { recordEvent } from './audit.js';
import { loadExamVersion } from './exams.js';
import { sittingResults } from './results.js';
import { findSittingRow } from './sittings.js';

/** Sets a choice question's key for a sitting; every score follows, since scores are recomputed from responses. */
export async function changeKey(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  questionId: string,
  letters: readonly string[],
): Promise<ResultRow[]> {
  return reviseExam(context, user, sittingId, 'exam.key-changed', { questionId, letters }, (exam) =>
    withCheckedKey(exam, questionId, letters),
  );
}

/** The exam with a choice question's key set, once `keyedQuestion` accepts the change. */
export function withCheckedKey(exam: Exam, questionId: string, letters: readonly string[]): Exam {
  keyedQuestion(exam, questionId, letters);
  return withKey(exam, questionId, letters);
}

/**
 * The choice question whose key may be set to `letters`: a choice question, not computed, with those options.
 * Shared by the change and its dry run, so the preview refuses exactly what the change would.
 */
export function keyedQuestion(exam: Exam, questionId: string, letters: readonly string[]): ChoiceQuestion {
  const question = findQuestion(exam, questionId)?.question;
  if (!question) throw badRequest('unknown-question', `this exam has no question \`${questionId}\``);
  if (question.kind !== 'single' && question.kind !== 'multiple')
    throw badRequest('not-a-choice-question', `\`${questionId}\` is not a choice question`);
  if (question.generator) {
    throw conflict(
      'computed-question-key',
      `\`${questionId}\` is a computed question: each student's key comes from its generator, so it cannot be ` +
        'set by hand; drop the question instead (or fix its generator for the next exam)',
    );
  }
  const outside = letters.find((letter) => optionIndex(letter) >= question.options.length);
  if (outside) throw badRequest('unknown-option', `\`${questionId}\` has no option (${outside})`);
  return question;
}

type ChoiceQuestion = Extract<Question, { kind: 'single' | 'multiple' }>;

export async function dropFromSitting(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  questionId: string,
  mode: DropMode,
): Promise<ResultRow[]> {
  return reviseExam(context, user, sittingId, 'exam.question-dropped', { questionId, mode }, (exam) => {
    if (!findQuestion(exam, questionId))
      throw badRequest('unknown-question', `this exam has no question \`${questionId}\``);
    return dropQuestion(exam, questionId, mode);
  });
}

/**
 * A revision is a new exam version (the canonical print of the changed exam), published at once and attached to the
 * sitting, with the audit event in the same transaction. The old version stays, so the change can be traced.
 */
async function reviseExam(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  action: string,
  data: object,
  change: (exam: Exam) => Exam,
): Promise<ResultRow[]> {
  const sitting = await findSittingRow(context, sittingId);
  const revised = change(await loadExamVersion(context, sitting.exam_version_id));
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('exam_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('exam_id', '=', sitting.exam_id)
      .executeTakeFirst();
    const id = newId();
    const version = (latest?.version ?? 0) + 1;
    await trx
      .insertInto('exam_versions')
      .values({
        id,
        exam_id: sitting.exam_id,
        version,
        source: printExam(revised),
        published_at: now.toISOString(),
        created_at: now.toISOString(),
      })
      .execute();
    await trx.updateTable('sittings').set({ exam_version_id: id }).where('id', '=', sittingId).execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, action, `sitting:${sittingId}`, {
      ...data,
      fromVersion: sitting.exam_version_id,
      toVersion: id,
    });
  });
  return sittingResults(context, sittingId);
}
