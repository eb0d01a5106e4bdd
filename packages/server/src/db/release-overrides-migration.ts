import type { Kysely } from 'kysely';

/**
 * Migration 0011: per-student exceptions to a sitting's release of results and solutions (decision 0013). One row per
 * student who has one; `results`/`solutions` are `held`, `released`, or null (the sitting's policy decides).
 */
export async function createReleaseOverrides(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('release_overrides')
    .addColumn('roster_id', 'text', (c) => c.primaryKey().references('roster.id'))
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id'))
    .addColumn('results', 'text')
    .addColumn('solutions', 'text')
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_overrides_sitting').on('release_overrides').column('sitting_id').execute();
}
