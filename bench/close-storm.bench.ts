/**
 * Workload: 10,000 started attempts (default; --attempts N) reach their deadline in the same second while the real
 * server process runs its jobs loop, on SQLite and on PostgreSQL (and, with --nodes N, N app processes on PostgreSQL
 * racing to close them). Reports the time from the deadline until the last attempt was closed (from the audit events'
 * times, written by the server), the close rate, and how long the sitting's results (every attempt scored) then take
 * to read. Checks each attempt closed exactly once. Goal: the last closed within 5 s of the deadline.
 * Options: --attempts N --db sqlite|postgres|both --nodes N.
 */
import { openDatabase } from '../packages/server/src/db/connect.js';
import { DEMO_INSTRUCTOR } from '../packages/server/src/demo.js';
import {
  expiryEventCounts,
  findDemoSitting,
  insertExpiringAttempts,
} from '../packages/server/src/test-support/expiring-attempts.js';
import { HttpStudent } from '../packages/server/src/test-support/http-student.js';
import { startBenchServer } from './bench-server.js';
import type { BenchmarkResult } from './run.js';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

/** Time between writing the cohort and its deadline: the deadline must not pass while rows are still written. */
const LEAD_MS = 3_000;

async function runOn(dialect: 'sqlite' | 'postgres', attempts: number, nodes: number) {
  const server = await startBenchServer(dialect, { demoStudents: 2, nodes });
  const url = server.databaseUrl;
  const handle = openDatabase(url);
  const sitting = await findDemoSitting(handle.db);
  const writeStarted = Date.now();
  // Time to write the rows first: 3 s and half a millisecond an attempt, checked below.
  const deadline = new Date(writeStarted + LEAD_MS + attempts / 2);
  const ids = await insertExpiringAttempts(handle.db, {
    sittingId: sitting.id,
    count: attempts,
    startedAt: new Date(deadline.getTime() - 3_600_000),
    deadline,
    prefix: 'cohort',
  });
  if (Date.now() > deadline.getTime()) throw new Error('writing the cohort took past its deadline: use fewer attempts');
  for (;;) {
    const open = await handle.db
      .selectFrom('attempts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('id', 'like', 'cohort-%')
      .where('closed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (open.count === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const closes = await handle.db
    .selectFrom('audit_events')
    .select(['at'])
    .where('action', '=', 'attempt.expired')
    .where('subject', 'like', 'attempt:cohort-%')
    .execute();
  const times = closes.map((event) => new Date(event.at).getTime()).sort((a, b) => a - b);
  const counts = await expiryEventCounts(handle.db, ids);
  const notOnce = [...counts.values()].filter((count) => count !== 1).length;
  const instructor = new HttpStudent(server.url);
  await instructor.request('POST', '/api/auth/login', {
    email: DEMO_INSTRUCTOR.email,
    password: DEMO_INSTRUCTOR.password,
  });
  const resultsStarted = performance.now();
  const results = await instructor.request('GET', `/api/sittings/${sitting.id}/results`);
  const resultsMs = performance.now() - resultsStarted;
  await handle.close();
  await server.stopApp();
  server.stopDatabase();
  const first = (times[0] ?? 0) - deadline.getTime();
  const last = (times.at(-1) ?? 0) - deadline.getTime();
  return {
    database: dialect,
    'app processes': nodes > 1 ? `${nodes} behind HAProxy` : 1,
    attempts,
    'first closed after deadline s': Math.round(first) / 1000,
    'last closed after deadline s': Math.round(last) / 1000,
    'closes/s': Math.round(attempts / Math.max(0.001, (last - first) / 1000)),
    'results read s': Math.round(resultsMs) / 1000,
    'results rows': Array.isArray(results.json) ? results.json.length : `error ${results.status}`,
    'not closed exactly once': notOnce,
  };
}

export async function benchmarkCloseStorm(): Promise<BenchmarkResult> {
  const attempts = Number(option('attempts', '10000'));
  const which = option('db', 'both');
  const nodes = Number(option('nodes', '1'));
  const dialects = which === 'both' ? (['sqlite', 'postgres'] as const) : ([which] as ['sqlite'] | ['postgres']);
  const rows = [];
  for (const dialect of dialects) rows.push(await runOn(dialect, attempts, 1));
  if (nodes > 1 && (dialects as readonly string[]).includes('postgres'))
    rows.push(await runOn('postgres', attempts, nodes));
  return {
    name: 'close-storm',
    workload: `${attempts} attempts reach their deadline in the same second; the jobs loop closes them`,
    rows,
  };
}
