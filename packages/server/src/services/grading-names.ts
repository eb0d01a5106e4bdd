import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { recordEvent } from './audit.js';
import { findSittingRow } from './sittings.js';

/**
 * Grading is anonymous until an instructor reveals students' names to the sitting's graders (or hides them again),
 * with an audit event.
 */
export async function revealNames(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  revealed: boolean,
): Promise<{ revealed: boolean }> {
  await findSittingRow(context, sittingId);
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sittings')
      .set({ names_revealed_at: revealed ? now.toISOString() : null })
      .where('id', '=', sittingId)
      .execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'grading.names-revealed', `sitting:${sittingId}`, {
      revealed,
    });
  });
  return { revealed };
}
