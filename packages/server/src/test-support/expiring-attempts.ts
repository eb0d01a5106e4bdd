import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The demo's sitting of the bundled exam (the one the server seeds on its first start). */
export async function findDemoSitting(db: Kysely<Database>): Promise<{ id: string }> {
  return db
    .selectFrom('sittings')
    .select('id')
    .where('title', 'like', '%demo sitting')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
}

/**
 * Started attempts written straight into a sitting (roster rows with them), all with the same deadline: a cohort
 * that expires at once, as when a whole hall stops at the bell. Ids are `${prefix}-${n}`. Returns the attempt ids.
 */
export async function insertExpiringAttempts(
  db: Kysely<Database>,
  options: { sittingId: string; count: number; startedAt: Date; deadline: Date; prefix: string },
): Promise<string[]> {
  const ids = Array.from({ length: options.count }, (_, index) => `${options.prefix}-${index}`);
  const deadline = options.deadline.toISOString();
  for (let from = 0; from < ids.length; from += 500) {
    const slice = ids.slice(from, from + 500);
    await db
      .insertInto('roster')
      .values(
        slice.map((id) => ({
          id,
          sitting_id: options.sittingId,
          student_number: id,
          name: id,
          email: `${id}@cohort.test`,
          time_multiplier: 1,
          access_code: id,
        })),
      )
      .execute();
    await db
      .insertInto('attempts')
      .values(
        slice.map((id) => ({
          id,
          sitting_id: options.sittingId,
          roster_id: id,
          variant_seed: id,
          started_at: options.startedAt.toISOString(),
          deadline_at: deadline,
          accepts_until: deadline,
          closed_at: null,
          closed_recorded_at: null,
          close_reason: null,
          last_seq: 0,
          last_save_at: null,
          last_seen_at: null,
          generated_json: null,
        })),
      )
      .execute();
  }
  return ids;
}

/** How many `attempt.expired` events each of the attempts has (0 for one not closed yet). */
export async function expiryEventCounts(
  db: Kysely<Database>,
  attemptIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map(attemptIds.map((id) => [id, 0]));
  for (let from = 0; from < attemptIds.length; from += 500) {
    const subjects = attemptIds.slice(from, from + 500).map((id) => `attempt:${id}`);
    const rows = await db
      .selectFrom('audit_events')
      .select('subject')
      .where('action', '=', 'attempt.expired')
      .where('subject', 'in', subjects)
      .execute();
    for (const row of rows) {
      const id = row.subject.slice('attempt:'.length);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}
