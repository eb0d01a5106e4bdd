import type { Sitting } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { SittingsTable } from '../db/schema.js';
import { conflict, type HttpError } from '../errors.js';
import { badRequest } from './access.js';
import { recordEvent } from './audit.js';
import { findSittingRow, getSitting } from './sittings.js';

/**
 * Why a student may not ask for a regrade now, or undefined when they may: results released to them (by the sitting
 * or their own override, decision 0013), and the instructor's deadline set and not passed.
 *
 * @example
 * regradeRefusal(sitting, now, true); // HttpError 409 `regrade-window-closed` while no deadline is set
 */
export function regradeRefusal(
  sitting: Pick<SittingsTable, 'regrade_until'>,
  now: Date,
  resultsReleased: boolean,
): HttpError | undefined {
  if (!resultsReleased)
    return conflict('results-not-released', 'results are not released yet: a regrade can be asked for once they are');
  if (!sitting.regrade_until) return conflict('regrade-window-closed', 'regrade requests are not open for this exam');
  if (now.getTime() >= new Date(sitting.regrade_until).getTime())
    return conflict('regrade-deadline-passed', `the deadline for regrade requests passed (${sitting.regrade_until})`);
  return undefined;
}

/**
 * The instructor opens the window until a deadline, moves the deadline, or closes it (`null`), with a
 * `regrade.window` event. Requests already filed stay open for staff to answer.
 *
 * @example
 * await setRegradeWindow(context, user, sittingId, '2026-12-14T17:00:00Z');
 */
export async function setRegradeWindow(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  until: string | null,
): Promise<Sitting> {
  const sitting = await findSittingRow(context, sittingId);
  const now = context.clock.now();
  const deadline = until === null ? null : new Date(until);
  if (deadline && deadline.getTime() <= now.getTime())
    throw badRequest('deadline-passed', 'the deadline for regrade requests must be in the future');
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sittings')
      .set({ regrade_until: deadline?.toISOString() ?? null })
      .where('id', '=', sittingId)
      .execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'regrade.window', `sitting:${sittingId}`, {
      until: deadline?.toISOString() ?? null,
      previously: sitting.regrade_until ?? null,
    });
  });
  return getSitting(context, sittingId);
}
