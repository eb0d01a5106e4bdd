import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connect.js';
import { freshDatabase } from './test-support/databases.js';
import { HttpStudent } from './test-support/http-student.js';
import { scrapeMetric } from './test-support/metrics-text.js';
import { findLostSaves, startSaveStorm } from './test-support/save-storm.js';
import { startServerProcess, type ServerProcess } from './test-support/server-process.js';

/** Students hammering saves with no pause and no regard for Retry-After: far beyond what one process serves. */
const STORMING = 300;
/** Students who arrive while the storm rages: each must get in. */
const LATECOMERS = 60;
const BUDGET_MS = 120_000;

/**
 * Saturation (issue 13): the server refuses work it cannot do in time with 503 + Retry-After instead of queueing it,
 * keeps acknowledging saves, lets every newcomer join and start, recovers when the storm ends, and loses nothing it
 * acknowledged. The shedding threshold is lowered (`SHED_EVENT_LOOP_DELAY_MS`) so that saturation is reached on any
 * machine, fast or slow; the default is documented in docs/operations.md.
 */
describe('a server far beyond capacity', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => server?.stop());

  it('sheds with 503 + Retry-After, keeps saving, admits newcomers, recovers and loses nothing', async () => {
    const database = await freshDatabase('sqlite');
    await database.close();
    server = await startServerProcess({
      databaseUrl: database.url,
      demoStudents: STORMING + LATECOMERS,
      extraEnv: { SHED_EVENT_LOOP_DELAY_MS: '20' },
    });
    const handle = openDatabase(database.url);
    const codes = (await handle.db.selectFrom('roster').select('access_code').orderBy('student_number').execute()).map(
      (row) => row.access_code,
    );
    await handle.close();
    const stormCodes = codes.slice(0, STORMING);
    const storming = stormCodes.map(() => new HttpStudent(server!.url, false));
    await Promise.all(storming.map((student, index) => student.joinAndStart(stormCodes[index]!)));

    const storm = startSaveStorm(storming);
    await waitFor(() => storm.firstRefusal() !== undefined, 'a save refused with 503');
    const ackedWhenShedding = storm.ackedCount();
    // Read from the storm's own refusal: a fresh client probing for one needed the load to last, and on a busy
    // machine it did not (a clean CI run, 7 December: no probe refused in 120 s after the storm's first 503).
    const refusal = storm.firstRefusal();

    // Newcomers join and start while the storm goes on (their requests are never shed).
    const latecomers = codes.slice(STORMING);
    const started = await Promise.all(
      latecomers.map(async (code) => {
        const student = new HttpStudent(server!.url, false);
        await student.joinAndStart(code);
        return (await student.request('GET', '/api/attempt')).json.status as string;
      }),
    );
    // Saves already started students send are still acknowledged while the server sheds.
    await storm.waitForAcked(ackedWhenShedding + STORMING, BUDGET_MS);
    await storm.stop();

    // The storm over, the server stops shedding, and every student's next save, sent at a normal pace by a client
    // that honours Retry-After as the web app does, is acknowledged.
    await waitFor(async () => (await scrapeMetric(server!.url, 'examforge_saturated')) === 0, 'the server to recover');
    const calm = [];
    for (const student of storming) {
      student.retryBusy = true;
      calm.push(
        await student.request('PUT', '/api/attempt/answers', {
          saves: [{ seq: 1_000_000, questionId: 'l2-prior', answer: { kind: 'choice', selected: ['a'] } }],
        }),
      );
    }

    const after = openDatabase(database.url);
    const lost = await findLostSaves(after.db, stormCodes, storm.acked);
    await after.close();
    expect(refusal?.code).toBe('busy');
    expect(refusal?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(started).toEqual(latecomers.map(() => 'open'));
    expect(calm.map((reply) => reply.status)).toEqual(storming.map(() => 200));
    expect(lost).toEqual([]);
    expect(await scrapeMetric(server.url, 'examforge_requests_shed_total')).toBeGreaterThan(0);
  }, 300_000);
});

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + BUDGET_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${BUDGET_MS / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
