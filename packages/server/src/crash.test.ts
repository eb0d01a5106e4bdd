import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connect.js';
import { freshDatabase, DIALECTS } from './test-support/databases.js';
import { HttpStudent } from './test-support/http-student.js';
import { scrapeMetric } from './test-support/metrics-text.js';
import { findLostSaves, startSaveStorm } from './test-support/save-storm.js';
import { startServerProcess, type ServerProcess } from './test-support/server-process.js';

const STUDENTS = 200;
/** Acknowledged saves to wait for before the kill: every student's first, and as many again in flight. */
const ACKED_BEFORE_KILL = 2 * STUDENTS;
/** How long the storm may take to reach them on a slow, busy machine. */
const STORM_BUDGET_MS = 90_000;

/**
 * kill -9 of the server in the middle of an autosave storm from 200 students, then a restart: every save the server
 * acknowledged must be in the database, with its content (an unacknowledged save may or may not be; both are fine).
 */
describe.each(DIALECTS)('crash during an autosave storm on %s', (dialect) => {
  // Every server a case starts (a restart after the kill is a new one) is stopped at the end, whatever happened.
  const started: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(started.map((server) => server.stop()));
  });
  const startServer = async (databaseUrl: string) => {
    const server = await startServerProcess({ databaseUrl, demoStudents: STUDENTS });
    started.push(server);
    return server;
  };

  it('keeps every acknowledged answer', async () => {
    let server: ServerProcess;
    const database = await freshDatabase(dialect);
    await database.close();
    server = await startServer(database.url);
    const handle = openDatabase(database.url);
    const codes = (await handle.db.selectFrom('roster').select(['access_code', 'id']).execute()).map(
      (r) => r.access_code,
    );
    await handle.close();
    expect(codes).toHaveLength(STUDENTS);
    const students = codes.map(() => new HttpStudent(server.url));
    await Promise.all(students.map((student, index) => student.joinAndStart(codes[index]!)));

    const storm = startSaveStorm(students);
    // Kill once enough saves are acknowledged (waiting for a count, not a time: a busy machine saves slower).
    await storm.waitForAcked(ACKED_BEFORE_KILL, STORM_BUDGET_MS);
    await server.kill9();
    await storm.stop();
    const total = storm.ackedCount();

    server = await startServer(database.url);
    const after = openDatabase(database.url);
    const lost = await findLostSaves(after.db, codes, storm.acked);
    const savedEvents = await after.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('action', '=', 'answer.saved')
      .executeTakeFirstOrThrow();
    await after.close();
    expect(lost).toEqual([]);
    // Every acknowledged save left its audit event too (the count may be higher: saves committed but not yet acknowledged).
    expect(savedEvents.count).toBeGreaterThanOrEqual(total);
    // And the restarted server serves the stored answers.
    const student = new HttpStudent(server.url);
    await student.joinAndStart(codes[0]!);
    const state = await student.request('GET', '/api/attempt');
    const lastAcked = storm.acked[0]!.at(-1);
    if (lastAcked) expect(state.json.answers[lastAcked.questionId].seq).toBeGreaterThanOrEqual(lastAcked.seq);
  }, 240_000);

  it('keeps every acknowledged answer when killed while a group of saves is committing, and no group half-written', async () => {
    let server: ServerProcess;
    const database = await freshDatabase(dialect);
    await database.close();
    server = await startServer(database.url);
    const handle = openDatabase(database.url);
    const codes = (await handle.db.selectFrom('roster').select('access_code').execute()).map((r) => r.access_code);
    await handle.close();
    const students = codes.map(() => new HttpStudent(server.url));
    await Promise.all(students.map((student, index) => student.joinAndStart(codes[index]!)));

    const storm = startSaveStorm(students);
    await storm.waitForAcked(STUDENTS, STORM_BUDGET_MS);
    // Kill the moment the server reports a group of several saves committing (read from its metrics).
    await waitForGroupCommitting(server.url, STORM_BUDGET_MS);
    await server.kill9();
    await storm.stop();

    server = await startServer(database.url);
    const after = openDatabase(database.url);
    const lost = await findLostSaves(after.db, codes, storm.acked);
    const halfWritten = await answersWithoutTheirEvent(after);
    await after.close();
    expect(lost).toEqual([]);
    // A group is one transaction: every stored answer has the audit event of the save that stored it.
    expect(halfWritten).toEqual([]);
  }, 240_000);
});

/** Polls the server's metrics until a group carrying more than one write is committing. */
async function waitForGroupCommitting(url: string, budgetMs: number): Promise<void> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const committing = await scrapeMetric(url, 'examforge_attempt_writes_backlog{state="committing"}');
    const writes = await scrapeMetric(url, 'examforge_attempt_writes_total');
    const grouped = writes > (await scrapeMetric(url, 'examforge_attempt_write_groups_total'));
    if (committing > 0 && grouped) return;
    if (Date.now() > deadline) throw new Error(`no group of saves seen committing within ${budgetMs / 1000} s`);
  }
}

/** Stored answers (attempt, question, seq) with no `answer.saved` event for that save. */
async function answersWithoutTheirEvent(handle: ReturnType<typeof openDatabase>): Promise<string[]> {
  const answers = await handle.db.selectFrom('answers').select(['attempt_id', 'question_id', 'seq']).execute();
  const events = await handle.db
    .selectFrom('audit_events')
    .select(['subject', 'data_json'])
    .where('action', '=', 'answer.saved')
    .execute();
  const recorded = new Set(
    events.map((event) => {
      const save = JSON.parse(event.data_json) as { questionId: string; seq: number };
      return `${event.subject}/${save.questionId}/${save.seq}`;
    }),
  );
  return answers
    .map((answer) => `attempt:${answer.attempt_id}/${answer.question_id}/${answer.seq}`)
    .filter((key) => !recorded.has(key));
}
