import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connect.js';
import { freshDatabase, DIALECTS } from './test-support/databases.js';
import { HttpStudent } from './test-support/http-student.js';
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
  let server: ServerProcess | undefined;
  afterAll(async () => server?.stop());

  it('keeps every acknowledged answer', async () => {
    const database = await freshDatabase(dialect);
    await database.close();
    server = await startServerProcess({ databaseUrl: database.url, demoStudents: STUDENTS });
    const handle = openDatabase(database.url);
    const codes = (await handle.db.selectFrom('roster').select(['access_code', 'id']).execute()).map(
      (r) => r.access_code,
    );
    await handle.close();
    expect(codes).toHaveLength(STUDENTS);
    const students = codes.map(() => new HttpStudent(server!.url));
    await Promise.all(students.map((student, index) => student.joinAndStart(codes[index]!)));

    const storm = startSaveStorm(students);
    // Kill once enough saves are acknowledged (waiting for a count, not a time: a busy machine saves slower).
    await storm.waitForAcked(ACKED_BEFORE_KILL, STORM_BUDGET_MS);
    await server.kill9();
    await storm.stop();
    const total = storm.ackedCount();

    server = await startServerProcess({ databaseUrl: database.url, demoStudents: STUDENTS });
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
});
