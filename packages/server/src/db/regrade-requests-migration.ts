import { sql, type Kysely } from 'kysely';

/**
 * Migration 0010: students' regrade requests and each sitting's window for them (`sittings.regrade_until`, null: not
 * offered or closed). At most one open request per answer: a partial unique index, which SQLite and PostgreSQL both
 * enforce, so two requests filed at once cannot both be open.
 */
export async function createRegradeRequests(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sittings').addColumn('regrade_until', 'text').execute();
  await db.schema
    .createTable('regrade_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id'))
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('grade_version', 'integer')
    .execute();
  await db.schema
    .createIndex('regrade_requests_sitting')
    .on('regrade_requests')
    .columns(['sitting_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('regrade_requests_one_open')
    .unique()
    .on('regrade_requests')
    .columns(['attempt_id', 'question_id'])
    .where(sql.ref('status'), '=', sql.lit('open'))
    .execute();
}
