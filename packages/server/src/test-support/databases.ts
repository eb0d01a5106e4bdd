import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** A database at the latest schema in that server (vitest.global-setup.ts), copied for each fresh database. */
    postgresTemplate: string;
  }
}

/** One storage test suite, every implementation: each case runs on a real SQLite file and a real PostgreSQL. */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

/** A fresh, migrated database: a new SQLite file, or a new database in the test PostgreSQL server. */
export async function freshDatabase(dialect: TestDialect): Promise<DatabaseHandle & { url: string }> {
  const url =
    dialect === 'sqlite'
      ? join(mkdtempSync(join(tmpdir(), 'examforge-sqlite-')), 'test.sqlite')
      : await freshPostgresDatabase(inject('postgresTemplate'));
  const handle = openDatabase(url);
  // A copy of the migrated template has nothing left to do here, and a SQLite file gets every migration.
  await migrateToLatest(handle);
  return { ...handle, url };
}

/** A new database in the test PostgreSQL server: empty, or a copy of `template`. */
async function freshPostgresDatabase(template?: string): Promise<string> {
  const base = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await client.end();
  return base.replace(/\/[^/]*$/, `/${name}`);
}

/** Where a new, empty database can be made (nothing created or migrated): a SQLite path, or a new PostgreSQL database. */
export async function emptyDatabaseUrl(dialect: TestDialect): Promise<string> {
  return dialect === 'sqlite'
    ? join(mkdtempSync(join(tmpdir(), 'examforge-sqlite-')), 'empty.sqlite')
    : freshPostgresDatabase();
}
