import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { prepareSqliteAttemptWrites, type AttemptWrite, type SqliteAttemptStatements } from './attempt-writes.js';
import { configureSqlite } from './sqlite-settings.js';

/**
 * The SQLite writer thread: applies groups of exam-day writes on its own connection, so the commit's fsync waits
 * here and not on the server's event loop (decision 0014). Statements are prepared on the first group, after the
 * main thread has migrated the database.
 */
export interface WriterRequest {
  readonly id: number;
  readonly writes: readonly AttemptWrite[];
}
export type WriterReply =
  | { readonly id: number; readonly results: number[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly code?: string } };

const sqlite = new SQLite((workerData as { path: string }).path);
configureSqlite(sqlite);
let statements: SqliteAttemptStatements | undefined;

parentPort?.on('message', (request: WriterRequest) => {
  try {
    statements ??= prepareSqliteAttemptWrites(sqlite);
    parentPort?.postMessage({ id: request.id, results: statements.group(request.writes) } satisfies WriterReply);
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    parentPort?.postMessage({
      id: request.id,
      error: { message: message ?? String(error), ...(code !== undefined && { code }) },
    } satisfies WriterReply);
  }
});
