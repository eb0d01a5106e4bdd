import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AttemptWrite } from './attempt-writes.js';
import type { WriterReply, WriterRequest } from './sqlite-writer-worker.js';

/** A write the writer thread refused (a constraint, a busy database): SQLite's message and code. */
export class SqliteWriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SqliteWriteError';
  }
}

/**
 * The main thread's side of the SQLite writer thread: `apply` sends a group and resolves with its results once
 * committed. A writer thread that dies fails what it held and is started again for the next group.
 */
export class SqliteWriterThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (results: number[]) => void; reject: (e: Error) => void }>();

  constructor(private readonly path: string) {}

  apply = (writes: readonly AttemptWrite[]): Promise<number[]> =>
    new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ id, writes } satisfies WriterRequest);
    });

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerEntry(), { workerData: { path: this.path } });
    worker.on('message', (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new SqliteWriteError(reply.error.message, reply.error.code));
      else waiting?.resolve(reply.results);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the SQLite writer thread stopped (exit code ${code})`)));
    // The thread must not keep a finished process alive; pending writes hold their callers' promises instead.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** Built beside this file; the tests run the sources, which find it in the package's build. */
function workerEntry(): URL {
  const here = new URL('./sqlite-writer-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/db/sqlite-writer-worker.js', import.meta.url);
}
