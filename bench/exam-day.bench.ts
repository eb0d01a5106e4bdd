/**
 * Workload: N students (default 10,000) join and start within the ramp (default 60 s), then each saves one answer
 * every 10–20 s for the duration (default 3 minutes), over real HTTP on loopback against the real server process,
 * on SQLite and on PostgreSQL. A save refused with `503 busy` is sent again after its Retry-After, as the web app's
 * outbox does: its latency runs from the first send to the acknowledgement, and the refusals are counted (shed).
 * Reports start and save latency (p50, p99, max), throughput, errors, the commits per acknowledged save (from the
 * server's group-commit metrics: on SQLite one commit is one fsync of the WAL), and afterwards checks that every
 * acknowledged save is stored. Goal (issue 13): 10,000 students, save p99 under 100 ms, start p99 under 1 s, 0 errors.
 * Options: --students N (or a ladder: --students 2000,6000,10000) --minutes M --ramp S --db sqlite|postgres|both
 * --nodes N (or a list: --nodes 1,2) --abandoned N --client http|fetch. Each N above 1 measures PostgreSQL with N app
 * processes behind HAProxy (SQLite is one process's file); 1 measures every chosen database on one process.
 * With --abandoned N, N abandoned attempts reach their deadline mid-storm: how late their closes were recorded
 * (goal: within 5 s) and whether each was closed exactly once.
 * Server CPU per request (from the server's own `process_cpu_seconds_total`, all its threads): CPU time means something
 * on a machine shared with the load client and other work, where latency does not. "per save" is the CPU of the
 * storm after the last start divided by the saves acknowledged in it (503 refusals and the jobs loop included);
 * "per start" is the CPU until the last start, less those saves at that rate, divided by the students who joined and
 * started. The client's own CPU per save is reported beside it: its students speak node:http over kept-alive
 * connections (exam-day-client.ts), cheaper than fetch (`--client fetch`: the tests' HttpStudent).
 * EXAM_DAY_CPU_PROF=<dir> samples the server's event loop (scripts/exam-day-profiler.mjs) and leaves its
 * .cpuprofile there (Chrome's DevTools or speedscope open it).
 */
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { openDatabase } from '../packages/server/src/db/connect.js';
import type { Database } from '../packages/server/src/db/schema.js';
import { scrapeMetric } from '../packages/server/src/test-support/metrics-text.js';
import {
  expiryEventCounts,
  findDemoSitting,
  insertExpiringAttempts,
} from '../packages/server/src/test-support/expiring-attempts.js';
import { HttpStudent } from '../packages/server/src/test-support/http-student.js';
import { benchConnections, BenchStudent } from './exam-day-client.js';
import { startBenchServer } from './bench-server.js';
import { type PostgresUsage, resetStatementCounts, type StatementCount, statementCounts } from './postgres-usage.js';
import type { BenchmarkResult } from './run.js';

const PROFILER = fileURLToPath(new URL('../scripts/exam-day-profiler.mjs', import.meta.url));

const QUESTIONS = [
  'l2-prior',
  'perceptron-update-loss',
  'sigmoid-squared-loss-gradient',
  'masked-softmax',
  'batched-matmul',
  'lstm-forget-input-gates',
  'gan-generator-gradient',
  'mixed-precision-amp',
];

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runOn(
  dialect: 'sqlite' | 'postgres',
  students: number,
  minutes: number,
  rampSeconds: number,
  nodes = 1,
  abandoned = 0,
): Promise<Record<string, string | number>> {
  const profileDirectory = process.env.EXAM_DAY_CPU_PROF;
  const server = await startBenchServer(dialect, {
    demoStudents: students,
    nodes,
    ...(profileDirectory && {
      extraEnv: { EXAM_DAY_CPU_PROF: profileDirectory, NODE_OPTIONS: `--import=${PROFILER}` },
    }),
  });
  const url = server.databaseUrl;
  const handle = openDatabase(url);
  const codes = (await handle.db.selectFrom('roster').select('access_code').orderBy('student_number').execute()).map(
    (r) => r.access_code,
  );
  const startLatencies: number[] = [];
  const saveLatencies: number[] = [];
  let errors = 0;
  let shed = 0;
  let acknowledged = 0;
  const firstError: string[] = [];
  const client = option('client', 'http');
  const connections = benchConnections(server.url);
  let started = 0;
  let startsSettled = 0;
  // With several nodes the scrape reaches one of them: CPU per request is measured on one process only.
  if (server.postgres) await resetStatementCounts(url);
  const postgres = server.postgres && { usage: server.postgres, databaseUrl: url };
  const cpu = nodes === 1 ? new CpuWindows(server.url, postgres) : undefined;
  await cpu?.mark();
  const began = performance.now();
  const endAt = began + rampSeconds * 1000 + minutes * 60_000;
  // Once everyone has started, a cohort of abandoned attempts reaches its deadline in the middle of the storm.
  const cohort = abandoned > 0 ? sleep(rampSeconds * 1000).then(() => expireCohort(handle.db, abandoned)) : undefined;
  await Promise.all(
    codes.map(async (code, index) => {
      await sleep((index * rampSeconds * 1000) / codes.length);
      // Joins and starts are never shed; saves are, and this client counts each refusal before waiting it out.
      const student = client === 'fetch' ? new HttpStudent(server.url, false) : new BenchStudent(connections);
      const t0 = performance.now();
      try {
        await student.joinAndStart(code);
        startLatencies.push(performance.now() - t0);
        started += 1;
      } catch (error) {
        errors += 1;
        if (firstError.length === 0) firstError.push(String(error));
        return;
      } finally {
        // The last student in (or out): the start phase ends here.
        startsSettled += 1;
        if (startsSettled === codes.length) void cpu?.mark(acknowledged);
      }
      let seq = 0;
      await sleep(Math.random() * 10_000);
      while (performance.now() < endAt) {
        seq += 1;
        const questionId = QUESTIONS[seq % QUESTIONS.length] ?? 'l2-prior';
        const t = performance.now();
        const save = {
          seq,
          questionId,
          answer: { kind: 'choice', selected: ['abcd'[seq % 4] ?? 'a'] },
          flagged: false,
        };
        for (;;) {
          try {
            const reply = await student.request('PUT', '/api/attempt/answers', { saves: [save] });
            if (reply.status === 503 && reply.json?.code === 'busy') {
              shed += 1;
              await sleep(1000 + Math.random() * 1000);
              continue;
            }
            if (reply.status === 200) {
              acknowledged += 1;
              saveLatencies.push(performance.now() - t);
            } else {
              errors += 1;
              if (firstError.length === 0) firstError.push(`${reply.status} ${JSON.stringify(reply.json)}`);
            }
          } catch (error) {
            errors += 1;
            if (firstError.length === 0) firstError.push(String(error));
          }
          break;
        }
        await sleep(Math.max(0, 10_000 + Math.random() * 10_000 - (performance.now() - t)));
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  connections.agent.destroy();
  await cpu?.mark(acknowledged);
  const perRequest = cpu?.perRequest(started);
  const closing = cohort && (await closeLateness(handle.db, await cohort));
  if (server.postgres) printFrequentStatements(await statementCounts(url));
  const commits = await commitsPerWrite(server.url);
  await server.stopApp();
  const stored = await handle.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('action', '=', 'answer.saved')
    .executeTakeFirstOrThrow();
  await handle.close();
  server.stopDatabase();
  startLatencies.sort((a, b) => a - b);
  saveLatencies.sort((a, b) => a - b);
  if (firstError.length > 0) console.error(`${dialect}: first error: ${firstError[0] ?? ''}`);
  const ms = (value: number) => Math.round(value * 10) / 10;
  return {
    database: dialect,
    'app processes': nodes > 1 ? `${nodes} behind HAProxy` : 1,
    students,
    'start p50 ms': ms(percentile(startLatencies, 50)),
    'start p99 ms': ms(percentile(startLatencies, 99)),
    'start max ms': ms(startLatencies.at(-1) ?? 0),
    'save p50 ms': ms(percentile(saveLatencies, 50)),
    'save p99 ms': ms(percentile(saveLatencies, 99)),
    'save max ms': ms(saveLatencies.at(-1) ?? 0),
    'saves/s': Math.round(acknowledged / elapsed),
    'commits per write': commits,
    'saves shed (503)': shed,
    'server CPU ms per save': perRequest?.server.save ?? 'n/a',
    'server CPU ms per start': perRequest?.server.start ?? 'n/a',
    ...(server.postgres && {
      'PostgreSQL CPU ms per save': perRequest?.database.save ?? 'n/a',
      'PostgreSQL CPU ms per start': perRequest?.database.start ?? 'n/a',
      'statements per save': perRequest?.statements.save ?? 'n/a',
      'statements per start': perRequest?.statements.start ?? 'n/a',
    }),
    'client CPU ms per save': perRequest?.client.save ?? 'n/a',
    ...(closing && {
      'abandoned closed late p95 ms': closing.p95,
      'abandoned closed late max ms': closing.max,
      'abandoned not closed once': closing.notOnce,
    }),
    errors,
    acknowledged,
    stored: stored.count,
  };
}

/**
 * The server's, PostgreSQL's and this client's CPU time, and PostgreSQL's statements, at three moments (before the
 * first join, after the last start, after the storm) with the saves acknowledged by then: per save from the storm,
 * per start from the ramp.
 */
class CpuWindows {
  private readonly marks: Mark[] = [];

  constructor(
    private readonly url: string,
    private readonly postgres?: { readonly usage: PostgresUsage; readonly databaseUrl: string },
  ) {}

  async mark(saves = 0): Promise<void> {
    const client = process.cpuUsage();
    const at: Mark = {
      server: Number.NaN,
      client: (client.user + client.system) / 1000,
      database: this.postgres?.usage.cpuMs() ?? Number.NaN,
      statements: Number.NaN,
      saves,
    };
    this.marks.push(at);
    if (this.postgres) at.statements = (await statementCounts(this.postgres.databaseUrl)).total;
    at.server = (await scrapeMetric(this.url, 'process_cpu_seconds_total')) * 1000;
  }

  perRequest(starts: number) {
    const [before, afterStarts, after] = this.marks;
    if (!before || !afterStarts || !after) return undefined;
    const storm = after.saves - afterStarts.saves;
    const round = (value: number) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : Number.NaN);
    /** A measure per save in the storm and per start in the ramp (less the ramp's saves at the storm's rate). */
    const split = (measure: keyof Omit<Mark, 'saves'>) => {
      const save = (after[measure] - afterStarts[measure]) / storm;
      const start = (afterStarts[measure] - before[measure] - afterStarts.saves * save) / starts;
      return { save: round(save), start: round(start) };
    };
    return {
      server: split('server'),
      database: split('database'),
      statements: split('statements'),
      client: split('client'),
    };
  }
}

interface Mark {
  server: number;
  client: number;
  database: number;
  statements: number;
  readonly saves: number;
}

/** PostgreSQL's most frequent statements over the run: where its round trips go. */
function printFrequentStatements(counts: { total: number; top: readonly StatementCount[] }): void {
  console.log(`PostgreSQL statements, ${counts.total} in all; the most frequent (calls, ms planning, ms executing):`);
  for (const { calls, query, planMs, execMs } of counts.top) {
    const figures = [calls, Math.round(planMs), Math.round(execMs)].map((n) => String(n).padStart(8)).join('');
    console.log(`${figures}  ${query.slice(0, 120)}`);
  }
}

/** Writes `count` started attempts whose deadline comes shortly after (time to write them, plus 3 s). */
async function expireCohort(db: Kysely<Database>, count: number): Promise<string[]> {
  const sitting = await findDemoSitting(db);
  const deadline = new Date(Date.now() + 3_000 + count / 2);
  return insertExpiringAttempts(db, {
    sittingId: sitting.id,
    count,
    startedAt: new Date(deadline.getTime() - 3_600_000),
    deadline,
    prefix: 'abandoned',
  });
}

/**
 * How late the cohort's closes were recorded after their deadline (closed_recorded_at − closed_at, written by the
 * server), and how many were not closed exactly once. Waits (2 minutes at most) for the last to close.
 */
async function closeLateness(db: Kysely<Database>, ids: readonly string[]) {
  for (const giveUp = Date.now() + 120_000; Date.now() < giveUp;) {
    const open = await db
      .selectFrom('attempts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('id', 'like', 'abandoned-%')
      .where('closed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (open.count === 0) break;
    await sleep(200);
  }
  const rows = await db
    .selectFrom('attempts')
    .select(['closed_at', 'closed_recorded_at'])
    .where('id', 'like', 'abandoned-%')
    .execute();
  const late = rows
    .map((row) => new Date(row.closed_recorded_at ?? Number.NaN).getTime() - new Date(row.closed_at ?? 0).getTime())
    .sort((a, b) => a - b);
  const counts = await expiryEventCounts(db, ids);
  return {
    p95: Math.round(percentile(late, 95)),
    max: Math.round(late.at(-1) ?? Number.NaN),
    notOnce: [...counts.values()].filter((count) => count !== 1).length,
  };
}

/**
 * Commits per exam-day write (saves, heartbeats, starts), read from the server's metrics: below 1 when group commit
 * puts several writes in one transaction. With several nodes behind the proxy, one node's figure.
 */
async function commitsPerWrite(url: string): Promise<number | string> {
  const groups = await scrapeMetric(url, 'examforge_attempt_write_groups_total');
  const ratio = groups / (await scrapeMetric(url, 'examforge_attempt_writes_total'));
  return Number.isFinite(ratio) ? Math.round(ratio * 1000) / 1000 : 'n/a';
}

/**
 * Per database and number of app processes, the largest number of students on the ladder that met every goal (save
 * p99 under 100 ms, start p99 under 1 s, no errors, every acknowledged save stored), and the saves per second
 * acknowledged there: the ceiling this machine holds at p99 100 ms, as far as the ladder went.
 */
function ladderSummary(rows: readonly Record<string, string | number>[]): string[] {
  const held = (row: Record<string, string | number>) =>
    Number(row['save p99 ms']) < 100 &&
    Number(row['start p99 ms']) < 1000 &&
    row.errors === 0 &&
    row.acknowledged === row.stored;
  const setupOf = (row: Record<string, string | number>) =>
    `${row.database}, ${row['app processes'] === 1 ? 'one app process' : row['app processes']}`;
  const setups = [...new Set(rows.map(setupOf))];
  return setups.map((setup) => {
    const tried = rows.filter((row) => setupOf(row) === setup);
    const best = tried.filter(held).sort((a, b) => Number(b.students) - Number(a.students))[0];
    const failed = tried.filter((row) => !held(row)).map((row) => row.students);
    const beyond = failed.length > 0 ? `; goals missed at ${failed.join(', ')}` : '; every size tried held';
    return best
      ? `${setup}: goals held up to ${best.students} students, ${best['saves/s']} saves/s${beyond}`
      : `${setup}: goals missed at every size tried (${failed.join(', ')})`;
  });
}

export async function benchmarkExamDay(): Promise<BenchmarkResult> {
  const ladder = option('students', '10000').split(',').map(Number);
  const minutes = Number(option('minutes', '3'));
  const ramp = Number(option('ramp', '60'));
  const which = option('db', 'both');
  const nodeCounts = option('nodes', '1').split(',').map(Number);
  const abandoned = Number(option('abandoned', '0'));
  const dialects = which === 'both' ? (['sqlite', 'postgres'] as const) : ([which] as ['sqlite'] | ['postgres']);
  const rows = [];
  for (const students of ladder) {
    for (const nodes of nodeCounts) {
      if (nodes === 1)
        for (const dialect of dialects) rows.push(await runOn(dialect, students, minutes, ramp, 1, abandoned));
      else if ((dialects as readonly string[]).includes('postgres'))
        rows.push(await runOn('postgres', students, minutes, ramp, nodes, abandoned));
    }
  }
  return {
    name: 'exam-day',
    workload: `${ladder.join(', ')} students start within ${ramp} s, then save every 10–20 s for ${minutes} min`,
    rows,
    summary: ladderSummary(rows),
  };
}
