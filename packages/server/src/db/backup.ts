import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { isPostgresUrl } from './connect.js';

/** What a backup holds, read back from the copy itself (not from the database it was taken from). */
export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  /** The schema migrations the copy has applied: a restore into an older server would refuse to start. */
  readonly migrations: readonly string[];
}

export type BackupProgress = (done: number, total: number) => void;

/** A backup or restore that cannot be made: the message says what and how to fix it. */
export class BackupError extends Error {}

/**
 * Writes a consistent copy of a database that may be in use. SQLite: SQLite's online backup API, page by page, which
 * is safe under WAL while the server keeps writing (a copy of one instant: writes that commit during the copy restart
 * the pages they touch). PostgreSQL: `pg_dump` in its custom format, which `pg_restore` reads (one transaction
 * snapshot, taken while the server runs).
 */
export async function backupDatabase(
  url: string,
  destination: string,
  onProgress?: BackupProgress,
): Promise<BackupSummary> {
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name`);
  if (isPostgresUrl(url)) {
    await runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${destination}`, url]);
    return { file: destination, bytes: statSync(destination).size, migrations: [] };
  }
  if (!existsSync(url)) throw new BackupError(`there is no SQLite database at ${url}`);
  const source = new SQLite(url, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const partial = `${destination}.partial`;
    rmSync(partial, { force: true });
    let pages = 0;
    await source.backup(partial, {
      progress({ totalPages, remainingPages }) {
        pages = totalPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        return 256; // pages per step: short steps let the server's writers in between
      },
    });
    onProgress?.(Math.max(pages, 1), Math.max(pages, 1));
    renameSync(partial, destination);
  } finally {
    source.close();
  }
  return summariseSqlite(destination);
}

/**
 * Brings a backup back. SQLite: the copy is checked (integrity, schema) before anything is touched, written beside the
 * target and renamed over it, so a failed restore leaves the old database as it was. Stop the server first: a server
 * still running would keep writing to the replaced file. PostgreSQL: `pg_restore --clean` into the database of the
 * URL, in one transaction.
 */
export async function restoreDatabase(
  backupFile: string,
  url: string,
  options: { readonly replace?: boolean } = {},
): Promise<BackupSummary> {
  if (!existsSync(backupFile)) throw new BackupError(`there is no backup file at ${backupFile}`);
  if (isPostgresUrl(url)) {
    await runTool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${url}`,
      backupFile,
    ]);
    return { file: backupFile, bytes: statSync(backupFile).size, migrations: [] };
  }
  const summary = summariseSqlite(backupFile);
  if (existsSync(url) && !options.replace) {
    throw new BackupError(`${url} already exists; stop the server, then restore with --replace to overwrite it`);
  }
  const incoming = `${url}.restoring`;
  rmSync(incoming, { force: true });
  const copy = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    await copy.backup(incoming);
  } finally {
    copy.close();
  }
  // The old database's log belongs to the old file: left beside the new one, SQLite would replay it into it.
  rmSync(`${url}-wal`, { force: true });
  rmSync(`${url}-shm`, { force: true });
  renameSync(incoming, url);
  return { ...summary, file: url };
}

/** Checks a SQLite copy: whole (integrity check), and an Examforge database (its migrations table). */
function summariseSqlite(file: string): BackupSummary {
  let copy: SQLite.Database;
  try {
    copy = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged (integrity check: ${String(integrity)})`);
    const hasMigrations = copy
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
      .get();
    if (!hasMigrations) throw new BackupError(`${file} is a SQLite database but not an Examforge one`);
    const migrations = copy.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
    return { file, bytes: statSync(file).size, migrations };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a backup: ${(error as Error).message}`);
  } finally {
    copy.close();
  }
}

function runTool(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) =>
      reject(new BackupError(`${command} could not be run (${error.message}); install PostgreSQL's client tools`)),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${String(code)}): ${stderr.trim()}`)),
    );
  });
}
