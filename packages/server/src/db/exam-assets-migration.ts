import type { Kysely } from 'kysely';
import type { Dialect } from './connect.js';

/**
 * Migration 0015: the files an exam's text refers to (images of an imported question bank), kept per exam by the
 * relative path the Markdown uses, so every version of the exam (a key change makes a new one) and every node serves
 * them.
 */
export async function createExamAssets(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('exam_assets')
    .addColumn('exam_id', 'text', (c) => c.notNull().references('exams.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_assets_pk', ['exam_id', 'path'])
    .execute();
}
