import type { Kysely } from 'kysely';

/**
 * Migration 0009: counters of attempts per key (an address, an email and address) and fixed window, shared by every
 * app process on the database (decision 0012). A row is one key's current window; ended windows are swept.
 */
export async function createRateLimits(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('resets_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_resets_at').on('rate_limits').column('resets_at').execute();
}
