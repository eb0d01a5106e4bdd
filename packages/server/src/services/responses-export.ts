import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { requireSittingAccess } from './access.js';
import { recordEvent } from './audit.js';
import { responsesCsv } from './responses-csv.js';
import { findSittingRow } from './sittings.js';

/**
 * `responses.csv` for a member of the exam's staff, with an audit event (it holds every student's answers).
 * Instructors see names; graders only once an instructor has revealed them for the sitting, as in the grading views.
 */
export async function exportResponsesCsv(context: AppContext, user: UserRow, sittingId: string): Promise<string> {
  const sitting = await findSittingRow(context, sittingId);
  const withNames = Boolean(sitting.names_revealed_at) || (await isInstructorOf(context, user, sittingId));
  const csv = await responsesCsv(context, sittingId, { withNames });
  await recordEvent(
    context.db,
    context.clock.now(),
    { kind: 'user', id: user.id },
    'responses.exported',
    `sitting:${sittingId}`,
    {
      withNames,
    },
  );
  return csv;
}

async function isInstructorOf(context: AppContext, user: UserRow, sittingId: string): Promise<boolean> {
  try {
    await requireSittingAccess(context, user, sittingId, 'instructor');
    return true;
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) return false;
    throw error;
  }
}
