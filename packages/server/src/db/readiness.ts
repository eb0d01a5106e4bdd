import { Migrator, sql, type Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type Readiness =
  | { readonly kind: 'ready'; readonly migrations: number; readonly latest: string }
  | { readonly kind: 'not-ready'; readonly problem: string };

/**
 * Whether this process can serve: the database answers a trivial query within `timeoutMs`, and every migration the
 * code knows has been applied (a node started against a database another version migrated, or one whose migration
 * failed half-way, must not take traffic).
 *
 * @example
 * const readiness = await checkReadiness(context.db, context.dialect, 2000);
 * if (readiness.kind === 'not-ready') console.error(readiness.problem);
 */
export async function checkReadiness(db: Kysely<Database>, dialect: Dialect, timeoutMs: number): Promise<Readiness> {
  try {
    await withTimeout(sql`select 1`.execute(db), timeoutMs, 'the database');
  } catch (error) {
    return { kind: 'not-ready', problem: `the database is not reachable: ${(error as Error).message}` };
  }
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  let migrations;
  try {
    migrations = await withTimeout(migrator.getMigrations(), timeoutMs, 'reading the applied migrations');
  } catch (error) {
    return { kind: 'not-ready', problem: `the applied migrations could not be read: ${(error as Error).message}` };
  }
  const pending = migrations.filter((migration) => migration.executedAt === undefined).map((m) => m.name);
  if (pending.length > 0) {
    return { kind: 'not-ready', problem: `database migrations not applied: ${pending.join(', ')}` };
  }
  return { kind: 'ready', migrations: migrations.length, latest: migrations.at(-1)?.name ?? '' };
}

/**
 * `promise`, or a rejection naming `what` once `ms` have passed (the work itself goes on; its result is dropped).
 *
 * @example
 * await withTimeout(sql`select 1`.execute(db), 2000, 'the database'); // rejects: "the database did not answer within 2000 ms"
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
