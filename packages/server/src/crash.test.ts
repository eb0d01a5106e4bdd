import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connect.js';
import { freshDatabase, DIALECTS } from './test-support/databases.js';
import { HttpStudent } from './test-support/http-student.js';
import { startServerProcess, type ServerProcess } from './test-support/server-process.js';

const STUDENTS = 200;
/** Acknowledged saves to wait for before the kill: every student's first, and as many again in flight. */
const ACKED_BEFORE_KILL = 2 * STUDENTS;
/** How long the storm may take to reach them on a slow, busy machine. */
const STORM_BUDGET_MS = 60_000;
const QUESTIONS = [
  'l2-prior',
  'perceptron-update-loss',
  'masked-softmax',
  'batched-matmul',
  'lstm-forget-input-gates',
  'gan-generator-gradient',
];

interface Acked {
  readonly questionId: string;
  readonly seq: number;
  readonly letter: string;
}

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

    const acked: Acked[][] = students.map(() => []);
    let stop = false;
    const storms = students.map(async (student, index) => {
      let seq = 0;
      while (!stop) {
        seq += 1;
        const questionId = QUESTIONS[seq % QUESTIONS.length]!;
        const letter = 'abcd'[(seq * 7 + index) % 4]!;
        try {
          const reply = await student.request('PUT', '/api/attempt/answers', {
            saves: [{ seq, questionId, answer: { kind: 'choice', selected: [letter] }, flagged: false }],
          });
          if (reply.status === 200) acked[index]!.push({ questionId, seq, letter });
        } catch {
          return; // the server is gone: this save was never acknowledged
        }
      }
    });
    // Kill once enough saves are acknowledged (waiting for a count, not a time: a busy machine saves slower).
    const ackedSoFar = () => acked.reduce((sum, list) => sum + list.length, 0);
    const deadline = Date.now() + STORM_BUDGET_MS;
    while (ackedSoFar() < ACKED_BEFORE_KILL && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await server.kill9();
    stop = true;
    await Promise.all(storms);
    const total = acked.reduce((sum, list) => sum + list.length, 0);
    expect(total).toBeGreaterThan(STUDENTS);

    server = await startServerProcess({ databaseUrl: database.url, demoStudents: STUDENTS });
    const after = openDatabase(database.url);
    const rows = await after.db
      .selectFrom('answers')
      .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
      .innerJoin('roster', 'roster.id', 'attempts.roster_id')
      .select(['roster.access_code', 'answers.question_id', 'answers.seq', 'answers.answer_json'])
      .execute();
    const savedEvents = await after.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('action', '=', 'answer.saved')
      .executeTakeFirstOrThrow();
    await after.close();
    const stored = new Map(rows.map((row) => [`${row.access_code}/${row.question_id}`, row]));
    const lost: string[] = [];
    codes.forEach((code, index) => {
      const latest = new Map<string, Acked>();
      for (const save of acked[index]!) latest.set(save.questionId, save);
      for (const save of latest.values()) {
        const row = stored.get(`${code}/${save.questionId}`);
        const content = JSON.stringify({ kind: 'choice', selected: [save.letter] });
        if (!row || row.seq < save.seq || (row.seq === save.seq && row.answer_json !== content))
          lost.push(`${code} ${save.questionId} seq ${save.seq}`);
      }
    });
    expect(lost).toEqual([]);
    // Every acknowledged save left its audit event too (the count may be higher: saves committed but not yet acknowledged).
    expect(savedEvents.count).toBeGreaterThanOrEqual(total);
    // And the restarted server serves the stored answers.
    const student = new HttpStudent(server.url);
    await student.joinAndStart(codes[0]!);
    const state = await student.request('GET', '/api/attempt');
    const lastAcked = acked[0]!.at(-1);
    if (lastAcked) expect(state.json.answers[lastAcked.questionId].seq).toBeGreaterThanOrEqual(lastAcked.seq);
  }, 120_000);
});
