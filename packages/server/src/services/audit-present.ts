import type { AuditActor, AuditEvent } from '../api/index.js';
import type { AppContext } from '../context.js';
import type { AuditEventRow } from './audit-trail.js';
import { parseSubject, subjectAttemptId, type AuditSubject } from './audit-subject.js';
import { summarizeEvent } from './audit-summary.js';

interface Student {
  readonly rosterId: string;
  readonly studentNumber: string;
  readonly name: string;
}

/** Who and what a page of events names, looked up once for the page: a handful of queries, never one per event. */
interface Names {
  readonly attempts: ReadonlyMap<string, Student & { readonly sittingId: string }>;
  readonly students: ReadonlyMap<string, Student>;
  readonly users: ReadonlyMap<string, { readonly name: string; readonly email: string }>;
  readonly sittings: ReadonlyMap<string, string>;
}

/**
 * Events as a person reads them: who acted (a member of staff by name and email, the student, or the system), what
 * happened in words, and the sitting, student and question the event is about, resolved from its subject (an answer's
 * subject names its attempt and question; other events may name the question in their payload).
 *
 * @example
 * const events = await presentAuditEvents(context, await auditEventRows(context, scope, {}, undefined, 50));
 */
export async function presentAuditEvents(context: AppContext, rows: readonly AuditEventRow[]): Promise<AuditEvent[]> {
  const read = rows.map((row) => ({ row, subject: parseSubject(row.subject), data: readPayload(row.data_json) }));
  const names = await lookUpNames(context, read);
  return read.map((event) => presentEvent(event, names));
}

/** An event row with its subject and payload read once. */
interface ReadEvent {
  readonly row: AuditEventRow;
  readonly subject: AuditSubject;
  readonly data: unknown;
}

function presentEvent({ row, subject, data }: ReadEvent, names: Names): AuditEvent {
  const attemptId = subjectAttemptId(subject);
  const attempt = attemptId === undefined ? undefined : names.attempts.get(attemptId);
  const questionId = subject.kind === 'answer' ? subject.questionId : (payloadField(data, 'questionId') ?? null);
  const sittingId = subject.kind === 'sitting' ? subject.sittingId : (attempt?.sittingId ?? null);
  return {
    id: row.id,
    at: row.at,
    kind: row.action,
    actor: presentActor(row, names),
    summary: summarizeEvent(row.action, data, { questionId, nameOf: (id) => names.users.get(id)?.name }),
    subject: row.subject,
    sittingId,
    sittingTitle: sittingId === null ? null : (names.sittings.get(sittingId) ?? null),
    student: attempt ? { rosterId: attempt.rosterId, studentNumber: attempt.studentNumber, name: attempt.name } : null,
    questionId,
    data,
  };
}

function presentActor(row: AuditEventRow, names: Names): AuditActor {
  switch (row.actor_kind) {
    case 'system':
      return { kind: 'system' };
    case 'student': {
      const student = names.students.get(row.actor_id);
      return {
        kind: 'student',
        id: row.actor_id,
        name: student?.name ?? 'unknown student',
        studentNumber: student?.studentNumber ?? '',
      };
    }
    case 'user': {
      const user = names.users.get(row.actor_id);
      return { kind: 'user', id: row.actor_id, name: user?.name ?? 'unknown user', email: user?.email ?? '' };
    }
  }
}

async function lookUpNames(context: AppContext, events: readonly ReadEvent[]): Promise<Names> {
  const rows = events.map((event) => event.row);
  const subjects = events.map((event) => event.subject);
  const attemptIds = unique(subjects.map(subjectAttemptId));
  // People an event is about (a role granted) are named like the people who act.
  const userIds = unique(
    events.flatMap(({ row, data }) => [
      row.actor_kind === 'user' ? row.actor_id : undefined,
      payloadField(data, 'userId'),
    ]),
  );
  const attemptRows =
    attemptIds.length === 0
      ? []
      : await context.db
          .selectFrom('attempts')
          .innerJoin('roster', 'roster.id', 'attempts.roster_id')
          .select([
            'attempts.id',
            'attempts.sitting_id',
            'roster.id as roster_id',
            'roster.student_number',
            'roster.name',
          ])
          .where('attempts.id', 'in', attemptIds)
          .execute();
  const attempts = new Map(
    attemptRows.map((row) => [
      row.id,
      { rosterId: row.roster_id, studentNumber: row.student_number, name: row.name, sittingId: row.sitting_id },
    ]),
  );
  const sittingIds = unique([
    ...subjects.map((subject) => (subject.kind === 'sitting' ? subject.sittingId : undefined)),
    ...attemptRows.map((row) => row.sitting_id),
  ]);
  const [students, users, sittings] = await Promise.all([
    lookUpStudents(context, rows, attempts),
    userIds.length === 0
      ? []
      : context.db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute(),
    sittingIds.length === 0
      ? []
      : context.db.selectFrom('sittings').select(['id', 'title']).where('id', 'in', sittingIds).execute(),
  ]);
  return {
    attempts,
    students,
    users: new Map(users.map((user) => [user.id, user])),
    sittings: new Map(sittings.map((sitting) => [sitting.id, sitting.title])),
  };
}

/** Students who acted: usually on their own attempt, already looked up; the others by their roster id. */
async function lookUpStudents(
  context: AppContext,
  rows: readonly AuditEventRow[],
  attempts: ReadonlyMap<string, Student>,
): Promise<Map<string, Student>> {
  const known = new Map([...attempts.values()].map((student) => [student.rosterId, student]));
  const missing = unique(
    rows.map((row) => (row.actor_kind === 'student' && !known.has(row.actor_id) ? row.actor_id : undefined)),
  );
  if (missing.length === 0) return known;
  const roster = await context.db
    .selectFrom('roster')
    .select(['id', 'student_number', 'name'])
    .where('id', 'in', missing)
    .execute();
  for (const row of roster) known.set(row.id, { rosterId: row.id, studentNumber: row.student_number, name: row.name });
  return known;
}

function readPayload(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** A string field of a payload, if the payload is an object that has it. */
function payloadField(data: unknown, field: 'userId' | 'questionId'): string | undefined {
  if (typeof data !== 'object' || data === null || !(field in data)) return undefined;
  const value: unknown = (data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
