import {
  computedQuestionIds,
  computedTotal,
  listQuestions,
  parseExam,
  type Diagnostic,
  type Exam,
} from '@examforge/core';
import type { ExamDetail, ExamSummary } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { recordEvent } from './audit.js';
import { lintSource } from './exam-lint-cache.js';

/** Parsed exam versions, by id. Versions never change once written, so caching them is safe on any number of nodes. */
const parsedVersions = new Map<string, Exam>();

export async function loadExamVersion(context: AppContext, versionId: string): Promise<Exam> {
  const cached = parsedVersions.get(versionId);
  if (cached) return cached;
  const row = await context.db
    .selectFrom('exam_versions')
    .select('source')
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound('exam version');
  const parsed = parseExam(row.source);
  if (!parsed.ok) throw new Error(`stored exam version ${versionId} no longer parses`);
  parsedVersions.set(versionId, parsed.exam);
  return parsed.exam;
}

/** A file the exam's Markdown refers to by `path` (an imported bank's image). */
export interface ExamAsset {
  readonly path: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * Imports an exam file, with the files its text refers to. A file with errors is refused with every diagnostic (line, column, hint); importing a file
 * whose exam id the user already has adds a new version of that exam.
 */
export async function importExam(
  context: AppContext,
  user: UserRow,
  source: string,
  assets: readonly ExamAsset[] = [],
): Promise<ExamDetail> {
  const report = lintSource(source);
  if (!report.exam) {
    throw new HttpError(422, 'exam-invalid', 'the exam file has errors; nothing was imported', {
      diagnostics: report.diagnostics,
    });
  }
  const exam = report.exam;
  const now = context.clock.now().toISOString();
  const examId = await context.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('exams')
      .select('id')
      .where('slug', '=', exam.id)
      .where('owner_id', '=', user.id)
      .executeTakeFirst();
    const id = existing?.id ?? newId();
    if (!existing) {
      await trx
        .insertInto('exams')
        .values({ id, slug: exam.id, owner_id: user.id, created_at: now, updated_at: now })
        .execute();
      await trx.insertInto('exam_staff').values({ exam_id: id, user_id: user.id, role: 'instructor' }).execute();
    } else {
      await trx.updateTable('exams').set({ updated_at: now }).where('id', '=', id).execute();
    }
    const latest = await trx
      .selectFrom('exam_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('exam_id', '=', id)
      .executeTakeFirst();
    const version = (latest?.version ?? 0) + 1;
    await trx
      .insertInto('exam_versions')
      .values({ id: newId(), exam_id: id, version, source, published_at: null, created_at: now })
      .execute();
    for (const asset of assets) {
      const row = { content_type: asset.contentType, data: Buffer.from(asset.bytes), created_at: now };
      await trx
        .insertInto('exam_assets')
        .values({ exam_id: id, path: asset.path, ...row })
        .onConflict((conflict) => conflict.columns(['exam_id', 'path']).doUpdateSet(row))
        .execute();
    }
    await recordEvent(trx, context.clock.now(), { kind: 'user', id: user.id }, 'exam.imported', `exam:${id}`, {
      slug: exam.id,
      version,
    });
    return id;
  });
  return getExamDetail(context, examId);
}

export async function latestVersion(
  context: AppContext,
  examId: string,
): Promise<{ id: string; version: number; source: string; published_at: string | null }> {
  const row = await context.db
    .selectFrom('exam_versions')
    .select(['id', 'version', 'source', 'published_at'])
    .where('exam_id', '=', examId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound('exam');
  return row;
}

export async function listExams(context: AppContext, user: UserRow): Promise<ExamSummary[]> {
  let query = context.db.selectFrom('exams').select('id').orderBy('updated_at', 'desc');
  if (user.role !== 'owner') {
    query = query.where((eb) =>
      eb.or([
        eb('owner_id', '=', user.id),
        eb('id', 'in', eb.selectFrom('exam_staff').select('exam_id').where('user_id', '=', user.id)),
      ]),
    );
  }
  const rows = await query.execute();
  const summaries = await Promise.all(rows.map((row) => examSummary(context, row.id)));
  return summaries.map(({ source: _source, ...summary }) => summary);
}

/** The list view of an exam: no lint here, since it runs KaTeX over every formula and the list shows no findings. */
async function examSummary(context: AppContext, examId: string): Promise<ExamSummary & { source: string }> {
  const version = await latestVersion(context, examId);
  const exam = await loadExamVersion(context, version.id);
  const row = await context.db
    .selectFrom('exams')
    .select(['slug', 'updated_at'])
    .where('id', '=', examId)
    .executeTakeFirstOrThrow();
  return {
    id: examId,
    slug: row.slug,
    title: exam.title,
    version: version.version,
    published: version.published_at !== null,
    questionCount: listQuestions(exam).length,
    durationMinutes: exam.duration,
    totalMarks: computedTotal(exam).toString(),
    updatedAt: row.updated_at,
    source: version.source,
  };
}

export async function getExamDetail(context: AppContext, examId: string): Promise<ExamDetail> {
  const { source, ...summary } = await examSummary(context, examId);
  const diagnostics: Diagnostic[] = [...lintSource(source).diagnostics];
  const sittings = await context.db
    .selectFrom('sittings')
    .select(['id', 'title', 'opens_at', 'closes_at'])
    .where('exam_id', '=', examId)
    .orderBy('opens_at')
    .execute();
  return {
    ...summary,
    source,
    diagnostics,
    sittings: sittings.map((s) => ({ id: s.id, title: s.title, opensAt: s.opens_at, closesAt: s.closes_at })),
    computedQuestions: computedQuestionIds(await loadExamVersion(context, (await latestVersion(context, examId)).id)),
  };
}
