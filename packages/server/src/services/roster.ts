import { parse } from 'csv-parse/sync';
import type { RosterEntry } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { RosterTable } from '../db/schema.js';
import { newAccessCode, newId } from '../ids.js';
import { badRequest } from './access.js';
import { recordEvent } from './audit.js';

interface RosterLine {
  readonly studentNumber: string;
  readonly name: string;
  readonly email: string;
  readonly timeMultiplier: number;
}

/**
 * Imports a roster CSV (`id,name,email,extra_time`; extra time as `25%`, `1.25` or empty). Every problem is reported
 * with its line before anything is stored; students already on the roster keep their access codes.
 */
export async function importRoster(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  csv: string,
): Promise<RosterEntry[]> {
  const lines = readRosterCsv(csv);
  await context.db.transaction().execute(async (trx) => {
    for (const line of lines) {
      const existing = await trx
        .selectFrom('roster')
        .select('id')
        .where('sitting_id', '=', sittingId)
        .where('student_number', '=', line.studentNumber)
        .executeTakeFirst();
      if (existing) {
        await trx
          .updateTable('roster')
          .set({ name: line.name, email: line.email, time_multiplier: line.timeMultiplier })
          .where('id', '=', existing.id)
          .execute();
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
    await recordEvent(
      trx,
      context.clock.now(),
      { kind: 'user', id: user.id },
      'roster.imported',
      `sitting:${sittingId}`,
      { students: lines.length },
    );
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

function readRosterCsv(csv: string): RosterLine[] {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw badRequest('roster-invalid', `the roster is not a readable CSV file: ${(error as Error).message}`);
  }
  const [header = [], ...body] = rows;
  const column = (names: string[]) => header.findIndex((name) => names.includes(name.toLowerCase()));
  const columns = {
    id: column(['id', 'student', 'student_id']),
    name: column(['name']),
    email: column(['email']),
    extra: column(['extra_time', 'extra time', 'extra']),
  };
  if (columns.id < 0 || columns.name < 0) {
    throw badRequest(
      'roster-invalid',
      'the roster needs a header row with at least `id` and `name` (and optionally `email`, `extra_time`)',
    );
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const lines = body.flatMap((row, index): RosterLine[] => {
    const line = index + 2;
    const studentNumber = row[columns.id] ?? '';
    if (studentNumber === '') return (problems.push(`line ${line}: no student id`), []);
    if (seen.has(studentNumber)) return (problems.push(`line ${line}: student ${studentNumber} appears twice`), []);
    seen.add(studentNumber);
    const timeMultiplier = readExtraTime(columns.extra < 0 ? '' : (row[columns.extra] ?? ''));
    if (timeMultiplier === undefined)
      return (
        problems.push(`line ${line}: cannot read extra time "${row[columns.extra] ?? ''}" (write 25% or 1.25)`),
        []
      );
    return [
      {
        studentNumber,
        name: row[columns.name] ?? '',
        email: columns.email < 0 ? '' : (row[columns.email] ?? ''),
        timeMultiplier,
      },
    ];
  });
  if (problems.length > 0)
    throw badRequest('roster-invalid', `the roster has ${problems.length} problem(s); nothing was imported`, {
      problems,
    });
  return lines;
}

/** `25%` → 1.25, `1.5` → 1.5, empty → 1. */
function readExtraTime(text: string): number | undefined {
  if (text.trim() === '') return 1;
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
  const value = percent ? 1 + Number(percent[1]) / 100 : Number(text);
  return Number.isFinite(value) && value >= 1 && value <= 5 ? value : undefined;
}
