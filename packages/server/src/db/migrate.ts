import { Migrator } from 'kysely';
import type { DatabaseHandle } from './connect.js';
import { migrationProvider } from './migrations.js';

/** Brings the schema up to date; safe to run at every start (done migrations are skipped). */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: migrationProvider(handle.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
