import type pg from 'pg';
import type { AttemptWrite, AuditRow } from './attempt-writes.js';

/**
 * Applies a group of exam-day writes on PostgreSQL as one statement: one round trip and one commit, whatever the
 * group holds. New sessions, new attempts (a student's second start does nothing: `ON CONFLICT DO NOTHING`), answers
 * (per question the highest sequence number wins), the attempts' sequence numbers and times, and the audit events
 * (a start's only when its attempt was created) are data-modifying CTEs over JSON input.
 *
 * It is planned for every group, never prepared once: PostgreSQL guesses 100 rows for any `jsonb_to_recordset`, and
 * a plan made early on exam day, when `attempts` is nearly empty, or without the ids in hand, scans the whole table
 * for every group (a hash join over all 10,000 attempts: 3 ms a group). The attempts to update are also named in an
 * array (`a.id = ANY($6)`), which a plan made with the ids in hand reads through the primary key.
 *
 * One statement sees one snapshot: an update cannot see an attempt inserted beside it. It never needs to, since a
 * save or heartbeat is only submitted for an attempt whose start has committed, as a start is only submitted with a
 * session that has. New rows are read with the table's own row type (`jsonb_populate_recordset`): a column added
 * later must be given by the write, or it is written NULL rather than its default.
 */
export async function applyPostgresAttemptWrites(pool: pg.Pool, writes: readonly AttemptWrite[]): Promise<number[]> {
  const { text, values } = attemptWritesStatement(writes);
  const result = await pool.query<{ kind: 'saved' | 'started'; id: string; last_seq: number }>(text, values);
  const lastSeq = new Map<string, number>();
  const started = new Set<string>();
  for (const row of result.rows) {
    if (row.kind === 'started') started.add(row.id);
    else lastSeq.set(row.id, row.last_seq);
  }
  return writes.map((write) => {
    switch (write.kind) {
      case 'session':
        return 1;
      case 'start':
        return started.has(write.attempt.id) ? 1 : 0;
      default:
        return lastSeq.get(write.attemptId) ?? 0;
    }
  });
}

/** The group's statement and its values (its plan is tested on a full table). */
export function attemptWritesStatement(writes: readonly AttemptWrite[]): { text: string; values: unknown[] } {
  const input = groupInput(writes);
  const json = [input.sessions, input.attempts, input.answers, input.touched, input.events].map((rows) =>
    JSON.stringify(rows),
  );
  return { text: ATTEMPT_WRITES, values: [...json, input.touched.map((attempt) => attempt.id)] };
}

const ATTEMPT_WRITES = `
  WITH new_sessions AS (
    INSERT INTO sessions SELECT * FROM jsonb_populate_recordset(NULL::sessions, $1::jsonb)
  ), new_attempts AS (
    INSERT INTO attempts SELECT * FROM jsonb_populate_recordset(NULL::attempts, $2::jsonb)
    ON CONFLICT (roster_id) DO NOTHING
    RETURNING id
  ), stored AS (
    INSERT INTO answers (attempt_id, question_id, answer_json, flagged, seq, saved_at)
    SELECT attempt_id, question_id, answer_json, flagged, seq, saved_at
    FROM jsonb_to_recordset($3::jsonb)
      AS i(attempt_id text, question_id text, answer_json text, flagged integer, seq integer, saved_at text)
    ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer_json = excluded.answer_json,
      flagged = excluded.flagged, seq = excluded.seq, saved_at = excluded.saved_at
    WHERE answers.seq < excluded.seq
  ), updated AS (
    UPDATE attempts AS a SET last_seq = GREATEST(a.last_seq, t.highest),
      last_save_at = COALESCE(t.saved_at, a.last_save_at), last_seen_at = t.seen_at
    FROM jsonb_to_recordset($4::jsonb) AS t(id text, highest integer, saved_at text, seen_at text)
    WHERE a.id = t.id AND a.id = ANY($6::text[])
    RETURNING a.id, a.last_seq
  ), events AS (
    INSERT INTO audit_events (at, actor_kind, actor_id, action, subject, data_json)
    SELECT at, actor_kind, actor_id, action, subject, data_json
    FROM jsonb_to_recordset($5::jsonb)
      AS e(at text, actor_kind text, actor_id text, action text, subject text, data_json text, start_of text)
    WHERE e.start_of IS NULL OR e.start_of IN (SELECT id FROM new_attempts)
  )
  SELECT 'saved' AS kind, id, last_seq FROM updated
  UNION ALL
  SELECT 'started', id, 0 FROM new_attempts`;

interface GroupInput {
  readonly sessions: unknown[];
  readonly attempts: unknown[];
  /** One row per answered question: a statement may not upsert the same row twice, and the highest seq wins anyway. */
  readonly answers: AnswerRow[];
  /** Per attempt saved or heard from: its highest new sequence number and latest times. */
  readonly touched: TouchedAttempt[];
  readonly events: EventRow[];
}

interface AnswerRow {
  readonly attempt_id: string;
  readonly question_id: string;
  readonly answer_json: string;
  readonly flagged: number;
  readonly seq: number;
  readonly saved_at: string;
}

interface TouchedAttempt {
  readonly id: string;
  highest: number;
  saved_at: string | null;
  seen_at: string;
}

/** An audit event; `start_of` names the attempt whose creation it records (written only if it was created). */
interface EventRow {
  readonly at: string;
  readonly actor_kind: string;
  readonly actor_id: string;
  readonly action: string;
  readonly subject: string;
  readonly data_json: string;
  readonly start_of: string | null;
}

function groupInput(writes: readonly AttemptWrite[]): GroupInput {
  const sessions: unknown[] = [];
  const attempts: unknown[] = [];
  const answers = new Map<string, AnswerRow>();
  const touched = new Map<string, TouchedAttempt>();
  const events: EventRow[] = [];
  for (const write of writes) {
    if (write.kind === 'session') {
      sessions.push(write.session);
      continue;
    }
    if (write.kind === 'start') {
      attempts.push(write.attempt);
      events.push(eventRow(write.event, write.attempt.id));
      continue;
    }
    const attempt = touched.get(write.attemptId) ?? { id: write.attemptId, highest: 0, saved_at: null, seen_at: '' };
    if (write.at > attempt.seen_at) attempt.seen_at = write.at;
    if (write.kind === 'save') {
      if (write.at > (attempt.saved_at ?? '')) attempt.saved_at = write.at;
      for (const answer of write.answers) {
        attempt.highest = Math.max(attempt.highest, answer.seq);
        const key = `${write.attemptId}\u0000${answer.questionId}`;
        const previous = answers.get(key);
        if (previous && previous.seq >= answer.seq) continue;
        answers.set(key, {
          attempt_id: write.attemptId,
          question_id: answer.questionId,
          answer_json: answer.answerJson,
          flagged: answer.flagged ? 1 : 0,
          seq: answer.seq,
          saved_at: write.at,
        });
      }
      events.push(...write.events.map((event) => eventRow(event, null)));
    }
    touched.set(write.attemptId, attempt);
  }
  return { sessions, attempts, answers: [...answers.values()], touched: [...touched.values()], events };
}

function eventRow(event: AuditRow, startOf: string | null): EventRow {
  return {
    at: event.at,
    actor_kind: event.actorKind,
    actor_id: event.actorId,
    action: event.action,
    subject: event.subject,
    data_json: event.dataJson,
    start_of: startOf,
  };
}
