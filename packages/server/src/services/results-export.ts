import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { recordEvent } from './audit.js';

/** A download of a sitting's results is audited (`results.exported`): the file holds every student's marks. */
export async function recordResultsExport(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  students: number,
): Promise<void> {
  await recordEvent(
    context.db,
    context.clock.now(),
    { kind: 'user', id: user.id },
    'results.exported',
    `sitting:${sittingId}`,
    {
      students,
    },
  );
}
