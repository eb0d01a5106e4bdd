import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { AttemptWrite } from './attempt-writes.js';
import type { SqliteThreadReply, SqliteThreadRequest } from './sqlite-thread-worker.js';

/** An error SQLite raised on its thread, with its code (e.g. `SQLITE_CONSTRAINT_UNIQUE`) as better-sqlite3 gives it. */
export class SqliteThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

type Reply<Kind> = Extract<SqliteThreadReply, Kind>;

/**
 * The main thread's side of the SQLite thread (sqlite-thread-worker.ts): statements and groups go there as messages
 * and come back as promises. One connection, as SQLite has one writer: a mutex keeps a Kysely transaction's
 * statements together and a group of writes outside any transaction. A thread that dies fails what it held and is
 * started again for the next statement.
 */
export class SqliteThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (reply: SqliteThreadReply) => void; reject: (e: Error) => void }
  >();
  private locked: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  /** Runs `task` with the connection to itself (no other statement in between); resolves with its result. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.locked.then(task);
    this.locked = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Holds the connection until the returned release is called (Kysely's acquire and release). */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.locked;
    this.locked = previous.then(() => released);
    await previous;
    return release;
  }

  async query(sql: string, parameters: readonly unknown[]): Promise<QueryResult<unknown>> {
    const reply = await this.send({ kind: 'query', sql, parameters });
    if ('rows' in reply) return { rows: reply.rows.map(withBuffers) };
    const { changes, lastInsertRowid } = reply as Reply<{ changes: number }>;
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  /** Applies a group of exam-day writes in one transaction, between the main thread's transactions. */
  group = (writes: readonly AttemptWrite[]): Promise<number[]> =>
    this.exclusive(async () => ((await this.send({ kind: 'group', writes })) as Reply<{ results: number[] }>).results);

  async close(): Promise<void> {
    await this.exclusive(async () => {
      const worker = this.worker;
      this.worker = undefined;
      await worker?.terminate();
    });
  }

  private send(request: DistributiveOmit<SqliteThreadRequest, 'id'>): Promise<SqliteThreadReply> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, {
        resolve: (reply) =>
          'error' in reply ? reject(new SqliteThreadError(reply.error.message, reply.error.code)) : resolve(reply),
        reject,
      });
      const worker = this.thread();
      // A statement in flight keeps the process alive (a start awaiting its migrations has nothing else to).
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerEntry(), { workerData: { path: this.path } });
    worker.on('message', (reply: SqliteThreadReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      waiting?.resolve(reply);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the SQLite thread stopped (exit code ${code})`)));
    // Idle, the thread must not keep a finished process (a CLI command, a test) alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Rows cross threads with their bytes as Uint8Array; the code reading them expects Buffers, as better-sqlite3 gives. */
function withBuffers(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return row;
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      (row as Record<string, unknown>)[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return row;
}

/** Kysely's SQLite dialect with the statements run on the SQLite thread. */
export class SqliteThreadDialect implements Dialect {
  constructor(private readonly thread: SqliteThread) {}

  createAdapter() {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new SqliteThreadDriver(this.thread);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
}

class SqliteThreadDriver implements Driver {
  private release: (() => void) | undefined;
  private readonly connection: DatabaseConnection;

  constructor(private readonly thread: SqliteThread) {
    this.connection = {
      executeQuery: <R>(query: CompiledQuery) => thread.query(query.sql, query.parameters) as Promise<QueryResult<R>>,
      streamQuery: () => {
        throw new Error('streaming queries are not supported on SQLite here');
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.thread.acquire();
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await this.thread.close();
  }
}

/** Built beside this file; the tests run the sources, which find it in the package's build. */
function workerEntry(): URL {
  const here = new URL('./sqlite-thread-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/db/sqlite-thread-worker.js', import.meta.url);
}
