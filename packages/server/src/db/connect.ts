import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AttemptWrite } from './attempt-writes.js';
import { applyPostgresAttemptWrites } from './attempt-writes-postgres.js';
import { GroupCommitter } from './group-commit.js';
import { registerPostgresPool } from './postgres-pools.js';
import type { Database } from './schema.js';
import { SqliteThread, SqliteThreadDialect } from './sqlite-thread.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Exam day's hot-path writes (saves, heartbeats, starts), group-committed: see `GroupCommitter`. */
  readonly attemptWrites: AttemptWrites;
  /** Answers every write already submitted, then closes the connections. */
  close(): Promise<void>;
  /** The PostgreSQL pool's connections now (metrics); SQLite has one connection and no pool. */
  readonly poolUse?: () => PoolUse;
}

export type AttemptWrites = GroupCommitter<AttemptWrite, number>;

/** Writes in one group at most: a group's transaction stays short even when thousands of saves wait. */
const MAX_GROUP = 500;

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

/** PostgreSQL connections this process holds by default (`DATABASE_POOL_SIZE`). */
export const DEFAULT_POOL_SIZE = 10;

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
    const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
    // An idle connection's error reaches the pool too; the listener above has reported it.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    registerPostgresPool(db, pool);
    const poolUse = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    // Half the pool may commit groups at once; the rest serves reads, starts and staff.
    const attemptWrites = new GroupCommitter(
      (writes: readonly AttemptWrite[]) => applyPostgresAttemptWrites(pool, writes),
      {
        maxInFlight: Math.max(1, Math.floor(poolSize / 2)),
        maxGroup: MAX_GROUP,
      },
    );
    const close = async () => {
      await attemptWrites.drained();
      await db.destroy();
    };
    return { db, dialect: 'postgres', attemptWrites, close, poolUse };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  // The connection lives on its own thread: the event loop never waits for a statement or an fsync.
  const thread = new SqliteThread(url);
  const db = new Kysely<Database>({ dialect: new SqliteThreadDialect(thread) });
  // SQLite has one writer at a time: one group commits while the next gathers.
  const attemptWrites = new GroupCommitter(thread.group, { maxInFlight: 1, maxGroup: MAX_GROUP });
  const close = async () => {
    await attemptWrites.drained();
    await db.destroy();
  };
  return { db, dialect: 'sqlite', attemptWrites, close };
}
