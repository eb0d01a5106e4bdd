import type { Kysely } from 'kysely';
import type { Dialect } from './connect.js';

/**
 * Migration 0016: the revocation feed of students' cached sessions (decision 0014). Read by time by every node once a
 * second, so indexed on `at`; rows older than ten minutes are deleted.
 */
export async function createSessionRevocations(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema
    .createTable('session_revocations')
    .addColumn('id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('roster_id', 'text')
    .execute();
  await db.schema.createIndex('session_revocations_at').on('session_revocations').column('at').execute();
}
