import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_INSTRUCTOR } from './demo.js';
import { startAppCluster, type AppCluster } from './test-support/app-cluster.js';
import { freshDatabase } from './test-support/databases.js';
import { expiryEventCounts, findDemoSitting, insertExpiringAttempts } from './test-support/expiring-attempts.js';
import { HttpStudent } from './test-support/http-student.js';
import { scanPng } from './test-support/paper-scans.js';
import { findLostSaves, startSaveStorm } from './test-support/save-storm.js';

const STUDENTS = 300;
const NODES = 3;
/** Attempts written to expire a few seconds into the storm: every node's job loop races to close them. */
const EXPIRING = 1_000;
const SCAN_BATCHES = 6;
/** Budgets for a slow, busy machine: the test waits for counts, these only bound how long. */
const STORM_BUDGET_MS = 120_000;
const JOBS_BUDGET_MS = 240_000;

async function waitFor(what: string, budgetMs: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${budgetMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Three app processes on one PostgreSQL behind Debian's HAProxy, with the repository's proxy configuration: 300
 * students save through the proxy, one node is killed with SIGKILL mid-storm and started again. Nothing acknowledged
 * is lost, students carry on through the other nodes, each expired attempt is closed exactly once whichever node
 * closes it, and each scan batch is read once.
 */
describe('several app nodes behind a load balancer', () => {
  let cluster: AppCluster | undefined;
  afterAll(async () => cluster?.stop());

  it('survives a node killed mid-storm without losing or repeating anything', async () => {
    const database = await freshDatabase('postgres');
    cluster = await startAppCluster({ databaseUrl: database.url, nodes: NODES, demoStudents: STUDENTS });
    const { db } = database;
    const codes = (await db.selectFrom('roster').select('access_code').orderBy('access_code').execute()).map(
      (row) => row.access_code,
    );
    expect(codes).toHaveLength(STUDENTS);
    const sitting = await findDemoSitting(db);

    const students = codes.map(() => new HttpStudent(cluster!.url));
    await Promise.all(students.map((student, index) => student.joinAndStart(codes[index]!)));

    // A cohort expiring a few seconds from now, while the storm runs.
    const deadline = new Date(Date.now() + 5_000);
    const expiring = await insertExpiringAttempts(db, {
      sittingId: sitting.id,
      count: EXPIRING,
      startedAt: new Date(deadline.getTime() - 3_600_000),
      deadline,
      prefix: 'cohort',
    });

    const storm = startSaveStorm(students);
    await storm.waitForAcked(STUDENTS, STORM_BUDGET_MS);
    await cluster.kill9(1);
    const atKill = storm.ackedCount();
    // Students carry on through the other nodes.
    await storm.waitForAcked(atKill + STUDENTS, STORM_BUDGET_MS);
    await cluster.restart(1);
    await cluster.waitForNodesUp(NODES, STORM_BUDGET_MS);
    // Scans to read once the killed node is back (a batch the killed node had claimed would wait out its 2-minute
    // lease; paper.test.ts covers that): blank pages, each a batch of its own, uploaded through the proxy while
    // students save, so the three nodes race to claim them.
    const instructor = new HttpStudent(cluster.url);
    const login = await instructor.request('POST', '/api/auth/login', {
      email: DEMO_INSTRUCTOR.email,
      password: DEMO_INSTRUCTOR.password,
    });
    expect(login.status).toBe(200);
    const blank = await scanPng({ width: 400, height: 500, pixels: new Uint8Array(400 * 500).fill(255) });
    const batchIds: string[] = [];
    for (let index = 0; index < SCAN_BATCHES; index += 1) {
      const uploaded = await instructor.upload(
        `/api/sittings/${sitting.id}/scans?name=blank-${index}.png`,
        blank,
        'image/png',
      );
      expect(uploaded.status, JSON.stringify(uploaded.json)).toBe(202);
      batchIds.push(uploaded.json.id as string);
    }

    await storm.waitForAcked(storm.ackedCount() + STUDENTS / 2, STORM_BUDGET_MS);
    await storm.stop();

    expect(await findLostSaves(db, codes, storm.acked)).toEqual([]);

    await waitFor('every expired attempt closed', JOBS_BUDGET_MS, async () => {
      const open = await db
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('id', 'like', 'cohort-%')
        .where('closed_at', 'is', null)
        .executeTakeFirstOrThrow();
      return open.count === 0;
    });
    const events = await expiryEventCounts(db, expiring);
    const notOnce = [...events].filter(([, count]) => count !== 1);
    expect(notOnce, 'attempts not closed exactly once').toEqual([]);

    await waitFor('every scan batch read', JOBS_BUDGET_MS, async () => {
      const batches = await db.selectFrom('scan_batches').select('status').where('id', 'in', batchIds).execute();
      return batches.every((batch) => batch.status === 'done');
    });
    const pages = await db
      .selectFrom('scan_pages')
      .select(['batch_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('batch_id', 'in', batchIds)
      .groupBy('batch_id')
      .execute();
    expect(pages.map((row) => row.count)).toEqual(batchIds.map(() => 1));
    const reads = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('action', '=', 'scan.read')
      .executeTakeFirstOrThrow();
    expect(reads.count, 'one scan.read event per batch').toBe(SCAN_BATCHES);
    await database.close();
  }, 600_000);
});
