import type { Kysely } from 'kysely';
import type { Dialect } from './connect.js';

/**
 * Migration 0014: question-paper jobs. A sitting's personalised question papers are rendered by the background loop
 * (any node's), and the finished PDF is kept in the row so that every node can serve the download.
 */
export async function createPaperJobs(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('paper_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('page_size', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sets_total', 'integer', (c) => c.notNull())
    .addColumn('sets_done', 'integer', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('pdf_data', blob)
    .addColumn('pdf_pages', 'integer')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('paper_jobs_status').on('paper_jobs').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('paper_jobs_sitting').on('paper_jobs').columns(['sitting_id', 'created_at']).execute();
}
