/**
 * Workload: one written question (`wasserstein-vs-js` of the bundled exam) with 1,000 typed answers in a closed
 * sitting. One grader works through the queue as the grading page does: apply rubric items to the answer (PUT
 * grade), then ask for the next ungraded answer (POST next, which claims it); the time from sending the grade to
 * having the next answer ready is measured inside the server process (Fastify's inject: routing, validation, the
 * database, serialisation; no network), p50/p99 over the 1,000 answers. Then an instructor changes the points of a
 * rubric item that about half the answers carry: the time of the edit, and of serving the 1,000 rescored totals.
 * Goals: p99 < 50 ms, and < 1 s for the rubric edit. Options: --db sqlite|postgres|both (default both).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.js';
import { hashPassword } from '../packages/server/src/auth/passwords.js';
import { ManualClock } from '../packages/server/src/clock.js';
import { DEFAULT_SETTINGS, type AppContext } from '../packages/server/src/context.js';
import { openDatabase } from '../packages/server/src/db/connect.js';
import { migrateToLatest } from '../packages/server/src/db/migrate.js';
import { newId } from '../packages/server/src/ids.js';
import { importExam } from '../packages/server/src/services/exams.js';
import { createSitting } from '../packages/server/src/services/sittings.js';
import { seedWrittenAnswers, WRITTEN } from '../packages/server/src/test-support/grading-seed.js';
import { startPostgresCluster } from '../packages/server/src/test-support/postgres-cluster.js';
import type { BenchmarkResult } from './run.js';

const ANSWERS = 1_000;
const EXAM_PATH = fileURLToPath(new URL('../exams/dl-endsem-winter-2025/exam.md', import.meta.url));
const T0 = new Date('2026-12-01T09:00:00.000Z');
const PASSWORD = 'bench password 1234';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A signed-in caller of the in-process app: the session cookie and the CSRF token, as the browser sends them. */
async function signIn(app: FastifyInstance, email: string) {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'ef_session');
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  return async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await app.inject({
      method,
      url,
      headers: { cookie: `ef_session=${cookie?.value ?? ''}`, 'x-csrf-token': csrf },
      ...(payload && { payload }),
    });
    if (response.statusCode !== 200) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<Record<string, unknown>>();
  };
}

async function databaseUrl(dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') return { url: join(mkdtempSync(join(tmpdir(), 'examforge-bench-')), 'g.sqlite') };
  const cluster = await startPostgresCluster();
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  await client.query('CREATE DATABASE grading');
  await client.end();
  return { url: cluster.url.replace(/\/[^/]*$/, '/grading'), cluster };
}

async function runOn(dialect: 'sqlite' | 'postgres'): Promise<Record<string, string | number>> {
  const { url, cluster } = await databaseUrl(dialect);
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle);
    const context: AppContext = { ...handle, clock: new ManualClock(T0), settings: DEFAULT_SETTINGS };
    const instructor = {
      id: newId(),
      email: 'instructor@bench.test',
      name: 'Instructor',
      role: 'instructor' as const,
      password_hash: await hashPassword(PASSWORD),
      created_at: T0.toISOString(),
    };
    await handle.db.insertInto('users').values(instructor).execute();
    const exam = await importExam(context, instructor, readFileSync(EXAM_PATH, 'utf8'));
    const sitting = await createSitting(context, instructor, exam.id, {
      title: 'Bench',
      opensAt: T0.toISOString(),
      closesAt: new Date(T0.getTime() + 8 * 3_600_000).toISOString(),
      durationMinutes: 120,
      graceSeconds: 60,
      shuffleQuestions: false,
      shuffleOptions: false,
      oneQuestionPerPage: false,
      releaseResults: 'after-close',
      releaseSolutions: 'after-close',
    });
    await seedWrittenAnswers(
      { context, sitting },
      Array.from({ length: ANSWERS }, (_, index) => `answer ${index}: JS is $\\log 2$, $W_1 = |\\theta|$`),
    );
    const app = await buildApp(context);
    const call = await signIn(app, instructor.email);
    const base = `/api/sittings/${sitting.id}/grading/${WRITTEN}`;
    let current = (await call('POST', `${base}/next`, {})).answer as { attemptId: string } | undefined;
    const latencies: number[] = [];
    for (let index = 0; current; index += 1) {
      const started = performance.now();
      await call('PUT', `${base}/answers/${current.attemptId}/grade`, {
        items: index % 2 === 0 ? ['js-constant', 'w1-gradient'] : ['w1-gradient'],
        expectedVersion: 0,
      });
      const next = await call('POST', `${base}/next`, { after: current.attemptId });
      latencies.push(performance.now() - started);
      current = next.answer as { attemptId: string } | undefined;
    }
    const editStarted = performance.now();
    await call('PUT', `/api/sittings/${sitting.id}/rubric/${WRITTEN}/items/js-constant`, {
      points: '0.5',
      text: 'Shows that JS is constant',
    });
    const editMs = performance.now() - editStarted;
    const resultsStarted = performance.now();
    const results = (await call('GET', `/api/sittings/${sitting.id}/results`)) as unknown as { total?: string }[];
    const resultsMs = performance.now() - resultsStarted;
    const rescored = results.filter((row) => row.total === '1.5').length;
    await app.close();
    latencies.sort((a, b) => a - b);
    return {
      db: dialect,
      graded: latencies.length,
      'grade→next p50 ms': Number(percentile(latencies, 50).toFixed(1)),
      'grade→next p99 ms': Number(percentile(latencies, 99).toFixed(1)),
      'grade→next max ms': Number((latencies.at(-1) ?? 0).toFixed(1)),
      'rubric edit ms': Number(editMs.toFixed(0)),
      'rescored results ms': Number(resultsMs.toFixed(0)),
      'edit + results ms': Number((editMs + resultsMs).toFixed(0)),
      'answers rescored': rescored,
    };
  } finally {
    await handle.close();
    cluster?.stop();
  }
}

export async function benchmarkGrading(): Promise<BenchmarkResult> {
  const which = option('db', 'both');
  const dialects = which === 'both' ? (['sqlite', 'postgres'] as const) : [which as 'sqlite' | 'postgres'];
  const rows = [];
  for (const dialect of dialects) rows.push(await runOn(dialect));
  return {
    name: 'grading',
    workload: `${ANSWERS} typed answers to ${WRITTEN} of the bundled exam: grade then next, and a rubric edit`,
    rows,
  };
}
