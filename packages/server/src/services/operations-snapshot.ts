import type { AppContext } from '../context.js';

/** What an operator watches during an exam, read from the database (so it is the same whichever node is asked). */
export interface OperationsSnapshot {
  /** Attempts started and not yet closed (submitted, expired or paper attempts are closed). */
  readonly activeAttempts: number;
  readonly scanBatchesQueued: number;
  readonly scanBatchesReading: number;
  /** How long the oldest attempt past its deadline has waited to be closed; 0 when none waits. */
  readonly jobLagSeconds: number;
}

/**
 * Reads the snapshot in three small queries, each served by an index (`attempts_open_deadline`, `scan_batches_status`).
 *
 * @example
 * const { activeAttempts, jobLagSeconds } = await readOperationsSnapshot(context);
 */
export async function readOperationsSnapshot(context: AppContext): Promise<OperationsSnapshot> {
  const now = context.clock.now();
  const [attempts, batches, overdue] = await Promise.all([
    context.db
      .selectFrom('attempts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('closed_at', 'is', null)
      .executeTakeFirstOrThrow(),
    context.db
      .selectFrom('scan_batches')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', 'in', ['queued', 'running'])
      .groupBy('status')
      .execute(),
    context.db
      .selectFrom('attempts')
      .select((eb) => eb.fn.min('deadline_at').as('oldest'))
      .where('closed_at', 'is', null)
      .where('deadline_at', '<=', now.toISOString())
      .executeTakeFirst(),
  ]);
  const batchCount = (status: string) => batches.find((row) => row.status === status)?.count ?? 0;
  const oldest = overdue?.oldest;
  return {
    activeAttempts: attempts.count,
    scanBatchesQueued: batchCount('queued'),
    scanBatchesReading: batchCount('running'),
    jobLagSeconds: oldest ? Math.max(0, (now.getTime() - Date.parse(oldest)) / 1000) : 0,
  };
}
