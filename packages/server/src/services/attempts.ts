import { attemptTimes, type Exam } from '@examforge/core';
import { refuseOverlongAnswers, type AttemptState, type Save, type SaveAck } from '../api/index.js';
import type { RosterRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Kysely } from 'kysely';
import { compiledQuery } from '../db/compiled-query.js';
import type { AttemptsTable, Database, SittingsTable } from '../db/schema.js';
import { conflict, HttpError } from '../errors.js';
import { newId } from '../ids.js';
import { loadAnswers, readStoredAnswer, validateSaves } from './answers.js';
import { auditRow, recordEvent, SYSTEM } from './audit.js';
import { attemptExam, generateInstances } from './attempt-exam.js';
import { variantSeed } from './paper-layouts.js';
import { findReleaseOverride } from './release-override-row.js';
import { canStillAnswer, studentRelease } from './student-release.js';
import { loadExamVersion } from './exams.js';
import { findSittingRow } from './sittings.js';
import { startOverview } from './start-overview.js';
import { attemptStateJson } from './attempt-state-json.js';
import { attemptView, attemptViewJson } from './student-views.js';

/** The student's attempt, if started: read by every start, reload and heartbeat (compiled once, see compiledQuery). */
const attemptOf = compiledQuery((db: Kysely<Database>, rosterId) =>
  db.selectFrom('attempts').selectAll().where('roster_id', '=', rosterId),
);

async function findAttempt(context: AppContext, rosterId: string): Promise<AttemptsTable | undefined> {
  return (await attemptOf(context.db, [rosterId]))[0];
}

/** What the student's page shows: always with the server's clock, and the questions once started. */
export async function getAttemptState(context: AppContext, student: RosterRow): Promise<AttemptState> {
  const { state, exam } = await readAttemptState(context, student);
  return exam ? { ...state, exam: attemptView(exam.exam, exam.sitting, exam.attempt) } : state;
}

/** `getAttemptState` as its response's JSON, the exam's view serialised once per variant (`attemptViewJson`). */
export async function getAttemptStateJson(context: AppContext, student: RosterRow): Promise<string> {
  return presentJson(await readAttemptState(context, student));
}

interface StateParts {
  readonly state: Omit<AttemptState, 'exam'>;
  /** Once started: what the student's view of the exam is made from. */
  readonly exam?: { readonly exam: Exam; readonly sitting: SittingsTable; readonly attempt: AttemptsTable };
}

function presentJson({ state, exam }: StateParts): string {
  return attemptStateJson(state, exam && attemptViewJson(exam.exam, exam.sitting, exam.attempt));
}

/**
 * The state without the exam's view. A caller that has just read the sitting and the attempt (a start) passes them,
 * and one that has just created the attempt knows it has no answers yet; the release override is read only when it
 * could matter (results are never shown while the attempt still takes answers, whatever the override says).
 */
async function readAttemptState(
  context: AppContext,
  student: RosterRow,
  known?: { sitting: SittingsTable; attempt: AttemptsTable | undefined; created: boolean },
): Promise<StateParts> {
  const sitting = known?.sitting ?? (await findSittingRow(context, student.sitting_id));
  const attempt = known ? known.attempt : await findAttempt(context, student.id);
  const now = context.clock.now();
  const override =
    attempt && canStillAnswer(attempt, now) ? undefined : await findReleaseOverride(context.db, student.id);
  const base = {
    sitting: {
      id: sitting.id,
      examId: sitting.exam_id,
      title: sitting.title,
      opensAt: sitting.opens_at,
      closesAt: sitting.closes_at,
      durationMinutes: sitting.duration_minutes,
      oneQuestionPerPage: sitting.one_question_per_page === 1,
    },
    serverNow: now.toISOString(),
    // As the results route decides it (decision 0013): never while the attempt still takes answers.
    resultsAvailable: studentRelease(sitting, override, attempt, now).results,
  };
  if (!attempt) {
    const overview = startOverview(
      await loadExamVersion(context, sitting.exam_version_id),
      { durationMinutes: sitting.duration_minutes, graceSeconds: sitting.grace_seconds },
      student.time_multiplier,
    );
    return { state: { ...base, status: 'not-started', overview, lastSeq: 0, answers: {} } };
  }
  const exam = await attemptExam(context, sitting.exam_version_id, attempt);
  const stored = known?.created ? [] : await loadAnswers(context.db, attempt.id);
  const answers = Object.fromEntries(
    stored.map((row) => [row.question_id, { answer: readStoredAnswer(row), flagged: row.flagged === 1, seq: row.seq }]),
  );
  return {
    state: {
      ...base,
      status: attemptStatus(attempt, now),
      startedAt: attempt.started_at,
      deadline: attempt.deadline_at,
      acceptsUntil: attempt.accepts_until,
      lastSeq: attempt.last_seq,
      ...(attempt.closed_at !== null && { closedAt: attempt.closed_at }),
      answers,
    },
    exam: { exam, sitting, attempt },
  };
}

export function attemptStatus(
  attempt: Pick<AttemptsTable, 'close_reason' | 'closed_at' | 'deadline_at'>,
  now: Date,
): AttemptState['status'] {
  // A paper sheet is handed in: it counts as submitted.
  if (attempt.close_reason === 'submitted' || attempt.close_reason === 'paper') return 'submitted';
  if (attempt.closed_at !== null || now.getTime() >= new Date(attempt.deadline_at).getTime()) return 'expired';
  return 'open';
}

/**
 * Starts the student's attempt (or returns the one already started): the server records the start and the deadline,
 * and the student's instances of the computed questions (generated from the variant seed before anything is written,
 * so a generator failure starts nothing: see `generateInstances`). Answers with the state's JSON, from the sitting and
 * the attempt it has just read or written (exam day's ramp: thousands of starts in a minute).
 */
export async function startAttempt(context: AppContext, student: RosterRow): Promise<string> {
  const sitting = await findSittingRow(context, student.sitting_id);
  const now = context.clock.now();
  let attempt = await findAttempt(context, student.id);
  let created = false;
  if (!attempt) {
    if (now < new Date(sitting.opens_at)) throw conflict('not-open-yet', `the exam opens at ${sitting.opens_at}`);
    if (now >= new Date(sitting.closes_at)) throw conflict('window-closed', `the exam closed at ${sitting.closes_at}`);
    const written = await createAttempt(context, student, sitting, now);
    created = written !== undefined;
    // Not written: the student's other start (another tab, another node) got there first.
    attempt = written ?? (await findAttempt(context, student.id));
  }
  return presentJson(await readAttemptState(context, student, { sitting, attempt, created }));
}

/** The new attempt's row as written, or undefined when the student already had one. */
async function createAttempt(
  context: AppContext,
  student: RosterRow,
  sitting: SittingsTable,
  now: Date,
): Promise<AttemptsTable | undefined> {
  const times = attemptTimes({
    startedAt: now,
    durationMinutes: sitting.duration_minutes,
    timeMultiplier: student.time_multiplier,
    closesAt: new Date(sitting.closes_at),
    graceSeconds: sitting.grace_seconds,
  });
  const id = newId();
  const seed = variantSeed(sitting.id, student.id);
  const [generated = null] = await generateInstances(await loadExamVersion(context, sitting.exam_version_id), [seed]);
  const attempt: AttemptsTable = {
    id,
    sitting_id: sitting.id,
    roster_id: student.id,
    variant_seed: seed,
    generated_json: generated,
    started_at: now.toISOString(),
    deadline_at: times.deadline.toISOString(),
    accepts_until: times.acceptsUntil.toISOString(),
    closed_at: null,
    closed_recorded_at: null,
    close_reason: null,
    last_seq: 0,
    last_save_at: null,
    last_seen_at: now.toISOString(),
  };
  const inserted = await context.attemptWrites.submit({
    kind: 'start',
    attempt,
    event: auditRow(now, { kind: 'student', id: student.id }, 'attempt.started', `attempt:${id}`, {
      deadline: times.deadline.toISOString(),
    }),
  });
  return inserted === 1 ? attempt : undefined;
}

/**
 * Stores a batch of saves and acknowledges them only after the commit. Saves are accepted until deadline + grace
 * (an expired attempt still takes answers that were in flight); a submitted attempt takes none.
 */
export async function saveAnswers(
  context: AppContext,
  student: RosterRow,
  saves: readonly Save[],
  clientGone?: () => boolean,
): Promise<SaveAck> {
  const scope = await findAttemptScope(context, student.id);
  if (!scope) throw conflict('not-started', 'start the exam before saving answers');
  const { attempt, examVersionId } = scope;
  const now = context.clock.now();
  refuseIfClosed(attempt, now);
  validateSaves(await attemptExam(context, examVersionId, attempt), saves);
  const { accepted, refused } = refuseOverlongAnswers(saves);
  const actor = { kind: 'student' as const, id: student.id };
  const subject = `attempt:${attempt.id}`;
  const lastSeq = await context.attemptWrites.submit(
    {
      kind: 'save',
      attemptId: attempt.id,
      at: now.toISOString(),
      answers: accepted.map((save) => ({
        questionId: save.questionId,
        answerJson: JSON.stringify(save.answer),
        flagged: save.flagged,
        seq: save.seq,
      })),
      events: [
        ...accepted.map((save) => auditRow(now, actor, 'answer.saved', subject, save)),
        ...refused.map(({ seq, questionId, code, length }) =>
          auditRow(now, actor, 'answer.refused', subject, { seq, questionId, code, length }),
        ),
      ],
    },
    clientGone,
  );
  return {
    acknowledged: accepted.map((save) => save.seq),
    refused,
    lastSeq,
    serverNow: context.clock.now().toISOString(),
    deadline: attempt.deadline_at,
  };
}

const attemptScopeOf = compiledQuery((db: Kysely<Database>, rosterId) =>
  db
    .selectFrom('attempts')
    .innerJoin('sittings', 'sittings.id', 'attempts.sitting_id')
    .selectAll('attempts')
    .select('sittings.exam_version_id')
    .where('attempts.roster_id', '=', rosterId),
);

/** The student's attempt and the exam version it answers, in one query: all a save needs to know. */
async function findAttemptScope(
  context: AppContext,
  rosterId: string,
): Promise<{ attempt: AttemptsTable; examVersionId: string } | undefined> {
  const [row] = await attemptScopeOf(context.db, [rosterId]);
  if (!row) return undefined;
  const { exam_version_id: examVersionId, ...attempt } = row;
  return { attempt, examVersionId };
}

function refuseIfClosed(attempt: AttemptsTable, now: Date): void {
  if (attempt.close_reason === 'paper') {
    throw new HttpError(409, 'attempt-closed', 'this exam was answered on paper; answers can no longer change here');
  }
  if (attempt.close_reason === 'submitted') {
    throw new HttpError(
      409,
      'attempt-closed',
      `this exam was submitted at ${attempt.closed_at ?? ''}; answers can no longer change`,
    );
  }
  if (now.getTime() > new Date(attempt.accepts_until).getTime()) {
    throw new HttpError(
      409,
      'attempt-closed',
      `time is up: the deadline was ${attempt.deadline_at}; answers saved before it are kept`,
    );
  }
}

/** The student ends the attempt; every saved answer counts. */
export async function submitAttempt(context: AppContext, student: RosterRow): Promise<AttemptState> {
  const attempt = await findAttempt(context, student.id);
  if (!attempt) throw conflict('not-started', 'start the exam before submitting it');
  const now = context.clock.now();
  refuseIfClosed(attempt, now);
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('attempts')
      .set({ closed_at: now.toISOString(), closed_recorded_at: now.toISOString(), close_reason: 'submitted' })
      .where('id', '=', attempt.id)
      .execute();
    await recordEvent(trx, now, { kind: 'student', id: student.id }, 'attempt.submitted', `attempt:${attempt.id}`, {});
  });
  return getAttemptState(context, student);
}

/** Attempts closed per transaction: one commit (one fsync) per batch, small enough to keep each write short. */
const CLOSE_BATCH = 1000;

/**
 * Closes every attempt whose deadline has passed, a batch per transaction: one UPDATE … RETURNING takes the batch and
 * the audit events are inserted together, so 10,000 attempts expiring in the same second cost ten commits, not
 * 10,000. Several app nodes may run this at once: on PostgreSQL each takes rows the others have not locked (SKIP
 * LOCKED), and the `closed_at IS NULL` condition makes a close happen exactly once on either database, so each closed
 * attempt has exactly one `attempt.expired` event. `closed_at` records the deadline (the time the answers count up
 * to); the event's `at` records when the close actually happened.
 */
export async function closeExpiredAttempts(context: AppContext): Promise<number> {
  let closed = 0;
  for (;;) {
    const batch = await closeExpiredBatch(context);
    closed += batch;
    if (batch < CLOSE_BATCH) return closed;
  }
}

async function closeExpiredBatch(context: AppContext): Promise<number> {
  const now = context.clock.now();
  return context.db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('attempts')
      .select('id')
      .where('closed_at', 'is', null)
      .where('deadline_at', '<=', now.toISOString())
      .orderBy('deadline_at')
      .limit(CLOSE_BATCH);
    if (context.dialect === 'postgres') due = due.forUpdate().skipLocked();
    const closed = await trx
      .updateTable('attempts')
      .set((eb) => ({
        closed_at: eb.ref('deadline_at'),
        closed_recorded_at: now.toISOString(),
        close_reason: 'expired' as const,
      }))
      .where('id', 'in', due)
      .where('closed_at', 'is', null)
      .returning(['id', 'deadline_at'])
      .execute();
    if (closed.length > 0) {
      await trx
        .insertInto('audit_events')
        .values(
          closed.map((attempt) => ({
            at: now.toISOString(),
            actor_kind: SYSTEM.kind,
            actor_id: SYSTEM.id,
            action: 'attempt.expired',
            subject: `attempt:${attempt.id}`,
            data_json: JSON.stringify({ deadline: attempt.deadline_at }),
          })),
        )
        .execute();
    }
    return closed.length;
  });
}

/** The student's page is still there: recorded for the live monitor, nothing else (no audit event). */
export async function recordHeartbeat(
  context: AppContext,
  student: RosterRow,
): Promise<{ serverNow: string; status: AttemptState['status'] }> {
  const attempt = await findAttempt(context, student.id);
  if (!attempt) throw conflict('not-started', 'start the exam first');
  const now = context.clock.now();
  await context.attemptWrites.submit({ kind: 'seen', attemptId: attempt.id, at: now.toISOString() });
  return { serverNow: now.toISOString(), status: attemptStatus(attempt, now) };
}
