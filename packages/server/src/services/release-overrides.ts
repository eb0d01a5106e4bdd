import type { ReleaseOverride, StudentRelease, StudentReleaseInput } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { AttemptsTable, RosterTable, SittingsTable } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { attemptStatus } from './attempts.js';
import { recordEvent } from './audit.js';
import { findReleaseOverride, type StoredOverride as Stored } from './release-override-row.js';
import { loadRosterAttempts } from './sitting-scores.js';
import { findSittingRow } from './sittings.js';
import { resultsReleasedTo, studentRelease } from './student-release.js';

/** Every student of the sitting with their override and what they can see now, in roster order. */
export async function listStudentReleases(context: AppContext, sittingId: string): Promise<StudentRelease[]> {
  const sitting = await findSittingRow(context, sittingId);
  const { roster: students, attempts } = await loadRosterAttempts(context, sittingId);
  const overrides = await context.db
    .selectFrom('release_overrides')
    .selectAll()
    .where('sitting_id', '=', sittingId)
    .execute();
  const attemptOf = new Map(attempts.map((attempt) => [attempt.roster_id, attempt]));
  const overrideOf = new Map(overrides.map((override) => [override.roster_id, override]));
  const now = context.clock.now();
  return students.map((student) =>
    presentRelease(sitting, student, overrideOf.get(student.id), attemptOf.get(student.id), now),
  );
}

/**
 * The instructor holds back or releases results and solutions for one student, or returns them to the sitting's
 * policy (`sitting` for both deletes the exception), with a `release.student` event. Releasing solutions to a student
 * whose results are not released to them is refused (409 `results-not-released`): solutions follow results.
 *
 * @example
 * await setStudentRelease(context, user, sittingId, rosterId, { results: 'held', solutions: 'held' }); // a late taker
 */
export async function setStudentRelease(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  rosterId: string,
  input: StudentReleaseInput,
): Promise<StudentRelease> {
  const sitting = await findSittingRow(context, sittingId);
  const student = await getRosterStudent(context, sittingId, rosterId);
  const now = context.clock.now();
  const next: Stored = { results: stored(input.results), solutions: stored(input.solutions) };
  if (input.solutions === 'released' && !resultsReleasedTo(sitting, next, now))
    throw conflict(
      'results-not-released',
      `results are not released to ${student.student_number}: release their results before their solutions`,
    );
  const previous = await findReleaseOverride(context.db, rosterId);
  await context.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('release_overrides').where('roster_id', '=', rosterId).execute();
    if (next.results !== null || next.solutions !== null)
      await trx
        .insertInto('release_overrides')
        .values({ roster_id: rosterId, sitting_id: sittingId, ...next, set_by: user.id, set_at: now.toISOString() })
        .execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'release.student', `sitting:${sittingId}`, {
      rosterId,
      studentNumber: student.student_number,
      ...input,
      previously: { results: shown(previous?.results), solutions: shown(previous?.solutions) },
    });
  });
  const attempt = await context.db
    .selectFrom('attempts')
    .selectAll()
    .where('roster_id', '=', rosterId)
    .executeTakeFirst();
  return presentRelease(sitting, student, next, attempt, now);
}

async function getRosterStudent(context: AppContext, sittingId: string, rosterId: string): Promise<RosterTable> {
  const student = await context.db
    .selectFrom('roster')
    .selectAll()
    .where('id', '=', rosterId)
    .where('sitting_id', '=', sittingId)
    .executeTakeFirst();
  if (!student) throw notFound('student');
  return student;
}

function presentRelease(
  sitting: SittingsTable,
  student: RosterTable,
  override: Stored | undefined,
  attempt: AttemptsTable | undefined,
  now: Date,
): StudentRelease {
  const decision = studentRelease(sitting, override, attempt, now);
  return {
    rosterId: student.id,
    studentNumber: student.student_number,
    name: student.name,
    attemptStatus: attempt ? attemptStatus(attempt, now) : 'not-started',
    stillAnswering: decision.stillAnswering,
    results: { override: shown(override?.results), visible: decision.results },
    solutions: { override: shown(override?.solutions), visible: decision.solutions },
  };
}

const stored = (override: ReleaseOverride): Stored['results'] => (override === 'sitting' ? null : override);
const shown = (value: Stored['results'] | undefined): ReleaseOverride => value ?? 'sitting';
