import type { Kysely } from 'kysely';
import type pg from 'pg';

/**
 * The PostgreSQL pool behind a Kysely instance, for the few hot statements run on it directly (as named prepared
 * statements, which Kysely's driver does not make). Registered by `openDatabase`; SQLite handles have none.
 */
const pools = new WeakMap<Kysely<never>, pg.Pool>();

export function registerPostgresPool<DB>(db: Kysely<DB>, pool: pg.Pool): void {
  pools.set(db as unknown as Kysely<never>, pool);
}

export function postgresPoolOf<DB>(db: Kysely<DB>): pg.Pool | undefined {
  return pools.get(db as unknown as Kysely<never>);
}
