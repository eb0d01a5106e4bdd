import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, emptyDatabaseUrl } from '../test-support/databases.js';
import { openDatabase } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { migrationProvider } from './migrations.js';

describe.each(DIALECTS)('migration 0008-accounts on %s', (dialect) => {
  it('makes every existing site owner an administrator, and nobody else', async () => {
    const handle = openDatabase(await emptyDatabaseUrl(dialect));
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider(handle.dialect) });
    expect((await migrator.migrateTo('0007-grading-flags')).error).toBeUndefined();
    for (const [id, role] of [
      ['u1', 'owner'],
      ['u2', 'instructor'],
      ['u3', 'grader'],
    ]) {
      await sql`INSERT INTO users (id, email, name, password_hash, role, created_at)
        VALUES (${id}, ${`${id}@x.test`}, ${id}, 'hash', ${role}, '2026-12-01T09:00:00.000Z')`.execute(handle.db);
    }
    await migrateToLatest(handle);
    const users = await handle.db.selectFrom('users').select(['id', 'is_admin', 'disabled_at']).orderBy('id').execute();
    await handle.close();
    expect(users).toEqual([
      { id: 'u1', is_admin: 1, disabled_at: null },
      { id: 'u2', is_admin: 0, disabled_at: null },
      { id: 'u3', is_admin: 0, disabled_at: null },
    ]);
  });
});
