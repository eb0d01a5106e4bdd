import { BLANK, MISSING } from '@examforge/core';
import type { MonitorRow } from '../api/index.js';
import type { AppContext } from '../context.js';
import { attemptStatus } from './attempts.js';

const ONLINE_MS = 30_000;
const OFFLINE_MS = 120_000;

/** The live view of a sitting: who started, when they last saved, how long they have left. */
export async function sittingMonitor(context: AppContext, sittingId: string): Promise<MonitorRow[]> {
  const now = context.clock.now();
  const rows = await context.db
    .selectFrom('roster')
    .leftJoin('attempts', 'attempts.roster_id', 'roster.id')
    .select([
      'roster.id as rosterId',
      'roster.student_number',
      'roster.name',
      'attempts.id as attemptId',
      'attempts.started_at',
      'attempts.deadline_at',
      'attempts.closed_at',
      'attempts.close_reason',
      'attempts.last_save_at',
      'attempts.last_seen_at',
    ])
    .where('roster.sitting_id', '=', sittingId)
    .orderBy('roster.student_number')
    .execute();
  const counts = await context.db
    .selectFrom('answers')
    .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
    .select(['answers.attempt_id', (eb) => eb.fn.countAll<number>().as('answered')])
    .where('attempts.sitting_id', '=', sittingId)
    // Neither a blank nor an answer not read from a scan is an answer given.
    .where('answers.answer_json', 'not in', [JSON.stringify(BLANK), JSON.stringify(MISSING)])
    .groupBy('answers.attempt_id')
    .execute();
  const answered = new Map(counts.map((row) => [row.attempt_id, row.answered]));
  return rows.map((row): MonitorRow => {
    const base = { rosterId: row.rosterId, studentNumber: row.student_number, name: row.name };
    if (!row.attemptId || !row.started_at || !row.deadline_at)
      return { ...base, status: 'not-started', answered: 0, connection: 'none' };
    const status = attemptStatus(
      { close_reason: row.close_reason, closed_at: row.closed_at, deadline_at: row.deadline_at },
      now,
    );
    const lastContact = new Date(row.last_seen_at ?? row.last_save_at ?? row.started_at).getTime();
    const quiet = now.getTime() - lastContact;
    return {
      ...base,
      status,
      startedAt: row.started_at,
      ...(row.last_save_at && { lastSaveAt: row.last_save_at }),
      deadline: row.deadline_at,
      ...(status === 'open' && {
        secondsLeft: Math.max(0, Math.round((new Date(row.deadline_at).getTime() - now.getTime()) / 1000)),
      }),
      answered: answered.get(row.attemptId) ?? 0,
      connection: status !== 'open' ? 'none' : quiet < ONLINE_MS ? 'online' : quiet < OFFLINE_MS ? 'idle' : 'offline',
    };
  });
}
