import type { CreateSitting, Sitting } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { ShuffleSettings } from '@examforge/core';
import type { Kysely } from 'kysely';
import { compiledQuery } from '../db/compiled-query.js';
import type { Database, SittingsTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { badRequest } from './access.js';
import { recordEvent } from './audit.js';
import { requireLintClean } from './exam-lint-gate.js';
import { latestVersion, loadExamVersion } from './exams.js';

/**
 * Opens a sitting of the exam's latest version; the version is frozen (published) from then on. Refused while the
 * exam's check finds errors (warnings do not block).
 */
export async function createSitting(
  context: AppContext,
  user: UserRow,
  examId: string,
  input: CreateSitting,
): Promise<Sitting> {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (closesAt <= opensAt) throw badRequest('invalid-window', 'the window must close after it opens');
  const version = await latestVersion(context, examId);
  requireLintClean(version.source);
  const now = context.clock.now();
  const id = newId();
  await context.db.transaction().execute(async (trx) => {
    if (!version.published_at) {
      await trx
        .updateTable('exam_versions')
        .set({ published_at: now.toISOString() })
        .where('id', '=', version.id)
        .execute();
    }
    await trx
      .insertInto('sittings')
      .values({
        id,
        exam_id: examId,
        exam_version_id: version.id,
        title: input.title,
        opens_at: opensAt.toISOString(),
        closes_at: closesAt.toISOString(),
        duration_minutes: input.durationMinutes,
        grace_seconds: input.graceSeconds,
        shuffle_questions: input.shuffleQuestions ? 1 : 0,
        shuffle_options: input.shuffleOptions ? 1 : 0,
        one_question_per_page: input.oneQuestionPerPage ? 1 : 0,
        release_results: input.releaseResults,
        release_solutions: input.releaseSolutions,
        created_at: now.toISOString(),
      })
      .execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'sitting.created', `sitting:${id}`, {
      examId,
      versionId: version.id,
      ...input,
    });
  });
  return getSitting(context, id);
}

const sittingRow = compiledQuery((db: Kysely<Database>, id) =>
  db.selectFrom('sittings').selectAll().where('id', '=', id),
);

export async function findSittingRow(context: AppContext, sittingId: string): Promise<SittingsTable> {
  // Every start reads its sitting.
  const [row] = await sittingRow(context.db, [sittingId]);
  if (!row) throw notFound('sitting');
  return row;
}

export async function getSitting(context: AppContext, sittingId: string): Promise<Sitting> {
  const row = await findSittingRow(context, sittingId);
  const exam = await loadExamVersion(context, row.exam_version_id);
  return presentSitting(row, exam.title);
}

export function presentSitting(row: SittingsTable, examTitle: string): Sitting {
  return {
    id: row.id,
    examId: row.exam_id,
    examTitle,
    title: row.title,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    durationMinutes: row.duration_minutes,
    graceSeconds: row.grace_seconds,
    ...sittingShuffle(row),
    oneQuestionPerPage: row.one_question_per_page === 1,
    releaseResults: row.release_results,
    releaseSolutions: row.release_solutions,
    ...(row.regrade_until && { regradeUntil: row.regrade_until }),
  };
}

/** The sitting's shuffle settings, as core's `makeVariant` takes them (online, on paper and when scoring). */
export function sittingShuffle(sitting: Pick<SittingsTable, 'shuffle_questions' | 'shuffle_options'>): ShuffleSettings {
  return { shuffleQuestions: sitting.shuffle_questions === 1, shuffleOptions: sitting.shuffle_options === 1 };
}
