import type BetterSqlite3 from 'better-sqlite3';
import type { AttemptsTable, SessionsTable } from './schema.js';

/**
 * The writes of exam day's hot path, as plain data: they cross to the SQLite writer thread and are grouped, many
 * students' writes to one transaction and one commit (decision 0014). Each write's result is a number: the attempt's
 * `last_seq` after a save or a heartbeat, 1 or 0 for a start (created, or the student had one already).
 */
export type AttemptWrite = SaveWrite | SeenWrite | StartWrite | SessionWrite;

/** A batch of one student's saves with the audit events that record them. */
export interface SaveWrite {
  readonly kind: 'save';
  readonly attemptId: string;
  readonly at: string;
  readonly answers: readonly StoredAnswer[];
  readonly events: readonly AuditRow[];
}

/** The student's page was heard from (a heartbeat): for the live monitor only. */
export interface SeenWrite {
  readonly kind: 'seen';
  readonly attemptId: string;
  readonly at: string;
}

/** A new attempt and its `attempt.started` event; nothing when the student already has one. */
export interface StartWrite {
  readonly kind: 'start';
  readonly attempt: AttemptsTable;
  readonly event: AuditRow;
}

/** A student's new session (joining with the access code). */
export interface SessionWrite {
  readonly kind: 'session';
  readonly session: SessionsTable;
}

export interface StoredAnswer {
  readonly questionId: string;
  readonly answerJson: string;
  readonly flagged: boolean;
  readonly seq: number;
}

export interface AuditRow {
  readonly at: string;
  readonly actorKind: 'user' | 'student' | 'system';
  readonly actorId: string;
  readonly action: string;
  readonly subject: string;
  readonly dataJson: string;
}

/** Statements prepared once per SQLite connection. */
export interface SqliteAttemptStatements {
  readonly upsertAnswer: BetterSqlite3.Statement;
  readonly markSaved: BetterSqlite3.Statement;
  readonly markSeen: BetterSqlite3.Statement;
  readonly insertAttempt: BetterSqlite3.Statement;
  readonly insertEvent: BetterSqlite3.Statement;
  readonly insertSession: BetterSqlite3.Statement;
  readonly group: (writes: readonly AttemptWrite[]) => number[];
}

/**
 * Prepares the hot-path statements on a SQLite connection; `group` applies writes in one transaction (one commit,
 * one fsync) and returns each write's result in order. Per question the highest sequence number wins, whatever
 * order saves arrive in, as with every save path.
 */
export function prepareSqliteAttemptWrites(sqlite: BetterSqlite3.Database): SqliteAttemptStatements {
  const statements = {
    upsertAnswer: sqlite.prepare(
      `INSERT INTO answers (attempt_id, question_id, answer_json, flagged, seq, saved_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer_json = excluded.answer_json,
         flagged = excluded.flagged, seq = excluded.seq, saved_at = excluded.saved_at
       WHERE answers.seq < excluded.seq`,
    ),
    markSaved: sqlite.prepare(
      `UPDATE attempts SET last_seq = max(last_seq, ?), last_save_at = ?, last_seen_at = ? WHERE id = ?
       RETURNING last_seq`,
    ),
    markSeen: sqlite.prepare('UPDATE attempts SET last_seen_at = ? WHERE id = ? RETURNING last_seq'),
    insertAttempt: sqlite.prepare(
      `INSERT INTO attempts (id, sitting_id, roster_id, variant_seed, generated_json, started_at, deadline_at,
         accepts_until, closed_at, closed_recorded_at, close_reason, last_seq, last_save_at, last_seen_at)
       VALUES (@id, @sitting_id, @roster_id, @variant_seed, @generated_json, @started_at, @deadline_at,
         @accepts_until, @closed_at, @closed_recorded_at, @close_reason, @last_seq, @last_save_at, @last_seen_at)
       ON CONFLICT (roster_id) DO NOTHING`,
    ),
    insertEvent: sqlite.prepare(
      'INSERT INTO audit_events (at, actor_kind, actor_id, action, subject, data_json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertSession: sqlite.prepare(
      `INSERT INTO sessions (id, user_id, roster_id, csrf_token, expires_at, created_at)
       VALUES (@id, @user_id, @roster_id, @csrf_token, @expires_at, @created_at)`,
    ),
  };
  const insertEvent = (event: AuditRow) =>
    statements.insertEvent.run(event.at, event.actorKind, event.actorId, event.action, event.subject, event.dataJson);
  const apply = (write: AttemptWrite): number => {
    switch (write.kind) {
      case 'save': {
        for (const answer of write.answers) {
          statements.upsertAnswer.run(
            write.attemptId,
            answer.questionId,
            answer.answerJson,
            answer.flagged ? 1 : 0,
            answer.seq,
            write.at,
          );
        }
        const highest = Math.max(0, ...write.answers.map((answer) => answer.seq));
        const row = statements.markSaved.get(highest, write.at, write.at, write.attemptId) as LastSeq | undefined;
        write.events.forEach(insertEvent);
        return row?.last_seq ?? 0;
      }
      case 'seen':
        return (statements.markSeen.get(write.at, write.attemptId) as LastSeq | undefined)?.last_seq ?? 0;
      case 'session':
        statements.insertSession.run(write.session);
        return 1;
      case 'start': {
        const created = statements.insertAttempt.run(write.attempt).changes > 0;
        if (created) insertEvent(write.event);
        return created ? 1 : 0;
      }
    }
  };
  return { ...statements, group: sqlite.transaction((writes: readonly AttemptWrite[]) => writes.map(apply)) };
}

interface LastSeq {
  readonly last_seq: number;
}
