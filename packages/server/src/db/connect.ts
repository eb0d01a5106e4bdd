import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  close(): Promise<void>;
  /** The PostgreSQL pool's connections now (metrics); SQLite has one connection and no pool. */
  readonly poolUse?: () => PoolUse;
}

export interface PoolUse {
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a connection: above 0 for long, the pool is too small or the database too slow. */
  readonly waiting: number;
}

export interface OpenOptions {
  /**
   * Told when a pooled PostgreSQL connection breaks (the server restarted or went away), idle or in use: a query on
   * it fails with its own error, and the pool opens another connection when needed. Without a listener on every
   * connection, node-postgres throws the error where nothing can catch it and the process dies.
   */
  readonly onConnectionError?: (error: Error) => void;
  /**
   * PostgreSQL connections this process may hold (default 10). Every app process has its own pool: the sum over all
   * processes must stay below the server's `max_connections` (docs/deploy.md).
   */
  readonly poolSize?: number;
}

/** `postgres://…` and `postgresql://…` name a PostgreSQL database; anything else is a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database: `postgres://…` URLs go to PostgreSQL, anything else is a SQLite file path.
 * SQLite runs in WAL mode with `synchronous=FULL`, so an acknowledged commit survives a crash of the process and of
 * the machine.
 */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (isPostgresUrl(url)) {
    // Numbers from COUNT(*) and BIGINT columns come back as strings by default; ours fit in a double.
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
    // An idle connection's error reaches the pool too; the listener above has reported it.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const poolUse = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, dialect: 'postgres', close: () => db.destroy(), poolUse };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SQLite(url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
