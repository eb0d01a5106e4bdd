import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { prepareSqliteAttemptWrites, type AttemptWrite, type SqliteAttemptStatements } from './attempt-writes.js';
import { configureSqlite } from './sqlite-settings.js';

/**
 * The SQLite database's own thread (decision 0014): it holds the one connection and runs every statement, so neither
 * a query nor a commit's fsync ever holds up the server's event loop. The main thread sends one statement at a time
 * (`query`) or a group of exam-day writes (`group`, one transaction); it keeps them in order, so a group never lands
 * inside a transaction of the main thread's.
 */
export type SqliteThreadRequest =
  | { readonly id: number; readonly kind: 'query'; readonly sql: string; readonly parameters: readonly unknown[] }
  | { readonly id: number; readonly kind: 'group'; readonly writes: readonly AttemptWrite[] };

export type SqliteThreadReply =
  | { readonly id: number; readonly rows: unknown[] }
  | { readonly id: number; readonly changes: number; readonly lastInsertRowid: number | bigint }
  | { readonly id: number; readonly results: number[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly code?: string } };

/** Prepared statements kept by their text; a query builder makes a bounded number of shapes. */
const STATEMENT_CACHE_SIZE = 1000;

const sqlite = new SQLite((workerData as { path: string }).path);
configureSqlite(sqlite);
const statements = new Map<string, SQLite.Statement>();
let attemptWrites: SqliteAttemptStatements | undefined;

function prepared(sql: string): SQLite.Statement {
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
    statement = sqlite.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** Bytes cross threads as Uint8Array; better-sqlite3 binds Buffers. */
function bindable(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

function handle(request: SqliteThreadRequest): SqliteThreadReply {
  if (request.kind === 'group') {
    // Prepared on the first group, after the main thread has migrated the database.
    attemptWrites ??= prepareSqliteAttemptWrites(sqlite);
    return { id: request.id, results: attemptWrites.group(request.writes) };
  }
  const statement = prepared(request.sql);
  const parameters = request.parameters.map(bindable);
  if (statement.reader) return { id: request.id, rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { id: request.id, changes, lastInsertRowid };
}

parentPort?.on('message', (request: SqliteThreadRequest) => {
  let reply: SqliteThreadReply;
  try {
    reply = handle(request);
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    reply = { id: request.id, error: { message: message ?? String(error), ...(code !== undefined && { code }) } };
  }
  parentPort?.postMessage(reply);
});
