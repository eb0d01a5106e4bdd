import { sql } from 'kysely';
import type { AppContext } from '../context.js';

/** The tables that hold queued background work taken up under a lease: scanned batches and question-paper jobs. */
export type LeasedQueue = 'scan_batches' | 'paper_jobs';

/** A running job renews its hold as it works; a hold not renewed for this long is taken over by any node. */
export const JOB_LEASE_MS = 2 * 60_000;

/** When a job's hold, renewed now, runs out. */
export const leaseFromNow = (context: AppContext): string =>
  new Date(context.clock.now().getTime() + JOB_LEASE_MS).toISOString();

/**
 * Takes the oldest queued row of `queue` (or one whose node died: running, with its lease run out) and marks it
 * running under a fresh lease; `restart` names further columns to reset when a job starts over. On PostgreSQL
 * several nodes may ask at once: `FOR UPDATE SKIP LOCKED` gives each a different row. On SQLite there is one
 * writer, and the conditional update is enough.
 */
export async function claimLeased(
  context: AppContext,
  queue: LeasedQueue,
  restart: { sets_done?: 0 } = {},
): Promise<string | undefined> {
  const now = context.clock.now();
  return context.db.transaction().execute(async (trx) => {
    // Both queues share these columns; Kysely types one table at a time, so the statements name the scan table.
    const table = queue as 'scan_batches';
    let query = trx
      .selectFrom(table)
      .select('id')
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now.toISOString())]),
        ]),
      )
      .orderBy('created_at')
      .limit(1);
    if (context.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const row = await query.executeTakeFirst();
    if (!row) return undefined;
    const claimed = await trx
      .updateTable(table)
      .set({
        ...restart,
        status: 'running',
        tries: sql<number>`tries + 1`,
        lease_until: leaseFromNow(context),
        started_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) > 0 ? row.id : undefined;
  });
}
