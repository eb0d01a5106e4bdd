import type BetterSqlite3 from 'better-sqlite3';

/**
 * Every SQLite connection's settings: WAL with `synchronous=FULL`, so an acknowledged commit survives a crash of
 * the process and of the machine; a writer waits up to 5 s for another connection's write (the writer thread and
 * the main thread each have one).
 */
export function configureSqlite(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
}
