import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { AttemptsTable, Database, SessionsTable } from './schema.js';

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

/**
 * Applies a group of writes on PostgreSQL in one statement (one round trip, one commit): the answers, the attempts'
 * sequence numbers and times, and the audit events, as data-modifying CTEs over JSON input. Starts and sessions, one
 * per student beside a save every few seconds, are one insert each in the same transaction.
 */
export async function applyPostgresAttemptWrites(
  db: Kysely<Database>,
  writes: readonly AttemptWrite[],
): Promise<number[]> {
  const inserts = writes.filter((write) => write.kind === 'start' || write.kind === 'session');
  if (inserts.length === 0) return applyPostgresSaves(db, writes);
  return db.transaction().execute(async (trx) => {
    const inserted = new Map<AttemptWrite, number>();
    for (const write of inserts) {
      if (write.kind === 'session') {
        await trx.insertInto('sessions').values(write.session).execute();
        inserted.set(write, 1);
      } else inserted.set(write, await insertAttemptPostgres(trx, write));
    }
    const others = await applyPostgresSaves(trx, writes);
    return writes.map((write, index) => inserted.get(write) ?? others[index] ?? 0);
  });
}

async function insertAttemptPostgres(db: Kysely<Database>, start: StartWrite): Promise<number> {
  const inserted = await db
    .insertInto('attempts')
    .values(start.attempt)
    .onConflict((c) => c.column('roster_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
  await db.insertInto('audit_events').values(auditValues(start.event)).execute();
  return 1;
}

/** Saves and heartbeats in one statement; a start's slot in the result is left for the caller. */
async function applyPostgresSaves(db: Kysely<Database>, writes: readonly AttemptWrite[]): Promise<number[]> {
  const answers = new Map<string, Record<string, unknown>>();
  const attempts = new Map<string, { id: string; highest: number; saved_at: string | null; seen_at: string }>();
  const events: Record<string, unknown>[] = [];
  for (const write of writes) {
    if (write.kind === 'start' || write.kind === 'session') continue;
    const touched = attempts.get(write.attemptId) ?? { id: write.attemptId, highest: 0, saved_at: null, seen_at: '' };
    if (write.at > touched.seen_at) touched.seen_at = write.at;
    if (write.kind === 'save') {
      if (write.at > (touched.saved_at ?? '')) touched.saved_at = write.at;
      for (const answer of write.answers) {
        touched.highest = Math.max(touched.highest, answer.seq);
        // One row per question: a statement may not upsert the same row twice, and the highest seq wins anyway.
        const key = `${write.attemptId}\u0000${answer.questionId}`;
        const previous = answers.get(key);
        if (previous && (previous.seq as number) >= answer.seq) continue;
        answers.set(key, {
          attempt_id: write.attemptId,
          question_id: answer.questionId,
          answer_json: answer.answerJson,
          flagged: answer.flagged ? 1 : 0,
          seq: answer.seq,
          saved_at: write.at,
        });
      }
      events.push(...write.events.map(auditValues));
    }
    attempts.set(write.attemptId, touched);
  }
  if (attempts.size === 0) return writes.map(() => 0);
  const result = await sql<{ id: string; last_seq: number }>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify([...answers.values()])}::jsonb)
        AS i(attempt_id text, question_id text, answer_json text, flagged integer, seq integer, saved_at text)
    ), stored AS (
      INSERT INTO answers (attempt_id, question_id, answer_json, flagged, seq, saved_at)
      SELECT attempt_id, question_id, answer_json, flagged, seq, saved_at FROM input
      ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer_json = excluded.answer_json,
        flagged = excluded.flagged, seq = excluded.seq, saved_at = excluded.saved_at
      WHERE answers.seq < excluded.seq
    ), touched AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify([...attempts.values()])}::jsonb)
        AS t(id text, highest integer, saved_at text, seen_at text)
    ), updated AS (
      UPDATE attempts AS a SET last_seq = GREATEST(a.last_seq, t.highest),
        last_save_at = COALESCE(t.saved_at, a.last_save_at), last_seen_at = t.seen_at
      FROM touched AS t WHERE a.id = t.id
      RETURNING a.id, a.last_seq
    ), events AS (
      INSERT INTO audit_events (at, actor_kind, actor_id, action, subject, data_json)
      SELECT at, actor_kind, actor_id, action, subject, data_json
      FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
        AS e(at text, actor_kind text, actor_id text, action text, subject text, data_json text)
    )
    SELECT id, last_seq FROM updated`.execute(db);
  const lastSeq = new Map(result.rows.map((row) => [row.id, row.last_seq]));
  return writes.map((write) => ('attemptId' in write ? (lastSeq.get(write.attemptId) ?? 0) : 0));
}

function auditValues(event: AuditRow) {
  return {
    at: event.at,
    actor_kind: event.actorKind,
    actor_id: event.actorId,
    action: event.action,
    subject: event.subject,
    data_json: event.dataJson,
  };
}
