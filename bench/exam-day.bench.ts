/**
 * Workload: N students (default 3,000) join and start within the ramp (default 60 s), then each saves one answer
 * every 10 s for the duration (default 5 minutes), over real HTTP on loopback against the real server process, on
 * SQLite and on PostgreSQL. Reports start and save latency (p50, p99, max), throughput and errors, and afterwards
 * checks that every acknowledged save is stored. Goal: 3,000 students with save p99 under 100 ms and no errors.
 * Options: --students N --minutes M --ramp S --db sqlite|postgres|both --nodes N. With --nodes above 1, PostgreSQL
 * is also measured with N app processes behind HAProxy (deploy/haproxy.cfg), beside the one-process figures.
 */
import { openDatabase } from '../packages/server/src/db/connect.js';
import { HttpStudent } from '../packages/server/src/test-support/http-student.js';
import { startBenchServer } from './bench-server.js';
import type { BenchmarkResult } from './run.js';

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
): Promise<Record<string, string | number>> {
  const server = await startBenchServer(dialect, { demoStudents: students, nodes });
  const url = server.databaseUrl;
  const handle = openDatabase(url);
  const codes = (await handle.db.selectFrom('roster').select('access_code').orderBy('student_number').execute()).map(
    (r) => r.access_code,
  );
  const startLatencies: number[] = [];
  const saveLatencies: number[] = [];
  let errors = 0;
  let acknowledged = 0;
  const firstError: string[] = [];
  const began = performance.now();
  const endAt = began + rampSeconds * 1000 + minutes * 60_000;
  await Promise.all(
    codes.map(async (code, index) => {
      await sleep((index * rampSeconds * 1000) / codes.length);
      const student = new HttpStudent(server.url);
      const t0 = performance.now();
      try {
        await student.joinAndStart(code);
        startLatencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        if (firstError.length === 0) firstError.push(String(error));
        return;
      }
      let seq = 0;
      await sleep(Math.random() * 10_000);
      while (performance.now() < endAt) {
        seq += 1;
        const questionId = QUESTIONS[seq % QUESTIONS.length] ?? 'l2-prior';
        const t = performance.now();
        try {
          const reply = await student.request('PUT', '/api/attempt/answers', {
            saves: [
              { seq, questionId, answer: { kind: 'choice', selected: ['abcd'[seq % 4] ?? 'a'] }, flagged: false },
            ],
          });
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
        await sleep(Math.max(0, 10_000 - (performance.now() - t)));
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
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
    errors,
    acknowledged,
    stored: stored.count,
  };
}

export async function benchmarkExamDay(): Promise<BenchmarkResult> {
  const students = Number(option('students', '3000'));
  const minutes = Number(option('minutes', '5'));
  const ramp = Number(option('ramp', '60'));
  const which = option('db', 'both');
  const nodes = Number(option('nodes', '1'));
  const dialects = which === 'both' ? (['sqlite', 'postgres'] as const) : ([which] as ['sqlite'] | ['postgres']);
  const rows = [];
  for (const dialect of dialects) rows.push(await runOn(dialect, students, minutes, ramp));
  if (nodes > 1 && (dialects as readonly string[]).includes('postgres'))
    rows.push(await runOn('postgres', students, minutes, ramp, nodes));
  return {
    name: 'exam-day',
    workload: `${students} students start within ${ramp} s, then save every 10 s for ${minutes} min`,
    rows,
  };
}
