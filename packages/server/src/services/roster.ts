import type { RosterEntry } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import { revokeRosterSessions } from '../auth/student-session-cache.js';
import type { AppContext } from '../context.js';
import type { RosterTable } from '../db/schema.js';
import { newAccessCode, newId } from '../ids.js';
import { recordEvent } from './audit.js';
import { readRosterCsv } from './roster-csv.js';

/**
 * Imports a roster CSV (`id,name,email,extra_time`; extra time as `25%`, `1.25` or empty). Every problem is reported
 * with its row and column before anything is stored; students already on the roster keep their access codes.
 */
export async function importRoster(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  csv: string,
): Promise<RosterEntry[]> {
  const lines = readRosterCsv(csv);
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const changed: string[] = [];
    for (const line of lines) {
      const existing = await trx
        .selectFrom('roster')
        .select(['id', 'name', 'email', 'time_multiplier'])
        .where('sitting_id', '=', sittingId)
        .where('student_number', '=', line.studentNumber)
        .executeTakeFirst();
      if (existing) {
        const row = { name: line.name, email: line.email, time_multiplier: line.timeMultiplier };
        if (
          existing.name === row.name &&
          existing.email === row.email &&
          existing.time_multiplier === row.time_multiplier
        )
          continue;
        await trx.updateTable('roster').set(row).where('id', '=', existing.id).execute();
        changed.push(existing.id);
      } else {
        await trx
          .insertInto('roster')
          .values({
            id: newId(),
            sitting_id: sittingId,
            student_number: line.studentNumber,
            name: line.name,
            email: line.email,
            time_multiplier: line.timeMultiplier,
            access_code: newAccessCode(),
          })
          .execute();
      }
    }
    // A student signed in keeps a cached copy of their row on every node (the time multiplier a start reads).
    await revokeRosterSessions(trx, changed, now);
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'roster.imported', `sitting:${sittingId}`, {
      students: lines.length,
    });
  });
  return listRoster(context, sittingId);
}

export async function listRoster(context: AppContext, sittingId: string): Promise<RosterEntry[]> {
  const rows = await context.db
    .selectFrom('roster')
    .selectAll()
    .where('sitting_id', '=', sittingId)
    .orderBy('student_number')
    .execute();
  return rows.map(presentRosterEntry);
}

export function presentRosterEntry(row: RosterTable): RosterEntry {
  return {
    id: row.id,
    studentNumber: row.student_number,
    name: row.name,
    email: row.email,
    timeMultiplier: row.time_multiplier,
    accessCode: row.access_code,
  };
}
