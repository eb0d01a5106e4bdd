/**
 * The print benchmark's server case: a sitting's 300 personalised question papers drawn through the HTTP route (a
 * real server process on a fresh SQLite file: the background job on its paper worker pool), timed from the request to
 * the PDF downloaded. Meanwhile a few simulated students save an answer about once a second, as on exam day; their
 * save latency is measured while the papers are drawn and, before and after that, without them. Goal (issue 14):
 * save p99 rises by at most 20 ms.
 */
import type { Kysely } from 'kysely';
import { openDatabase } from '../packages/server/src/db/connect.js';
import type { Database } from '../packages/server/src/db/schema.js';
import { DEMO_INSTRUCTOR } from '../packages/server/src/demo.js';
import { findDemoSitting } from '../packages/server/src/test-support/expiring-attempts.js';
import { HttpStudent } from '../packages/server/src/test-support/http-student.js';
import { startBenchServer } from './bench-server.js';

export interface ServerPrintRun {
  readonly seconds: number;
  readonly pages: number;
  readonly bytes: number;
  readonly saving: SaveLatency;
  readonly savingWhilePrinting: SaveLatency;
}

export interface SaveLatency {
  readonly saves: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  /** The server's own event-loop delay over the window (its /metrics): what the server did, apart from the machine. */
  readonly loopP99: number;
  readonly loopMax: number;
}

/** The server's event-loop delay since the last scrape (prom-client resets it at each), p99 and max in ms. */
async function eventLoopDelay(url: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const seconds = (series: string) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return {
    p99: seconds('nodejs_eventloop_lag_p99_seconds') * 1000,
    max: seconds('nodejs_eventloop_lag_max_seconds') * 1000,
  };
}

/** A window's save latencies (ms) and refusals; two windows pool into one. */
class SaveWindow {
  constructor(
    readonly latencies: readonly number[],
    readonly errors: number,
    readonly loop: { readonly p99: number; readonly max: number },
  ) {}

  concat(other: SaveWindow): SaveWindow {
    const loop = { p99: Math.max(this.loop.p99, other.loop.p99), max: Math.max(this.loop.max, other.loop.max) };
    return new SaveWindow([...this.latencies, ...other.latencies], this.errors + other.errors, loop);
  }

  summary(): SaveLatency {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      saves: sorted.length,
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
      errors: this.errors,
      loopP99: round(this.loop.p99),
      loopMax: round(this.loop.max),
    };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUESTIONS = ['l2-prior', 'perceptron-update-loss', 'masked-softmax', 'batched-matmul'];

/**
 * Starts a server with `students` on the demo sitting, lets `savers` of them save for `baselineSeconds`, asks for the
 * question papers and keeps them saving until the PDF is downloaded, then for `baselineSeconds` more.
 */
export async function benchmarkServerPrint(options: {
  readonly students: number;
  readonly savers: number;
  readonly baselineSeconds: number;
  readonly paperWorkers?: number;
}): Promise<ServerPrintRun> {
  const server = await startBenchServer('sqlite', {
    demoStudents: options.students,
    ...(options.paperWorkers ? { extraEnv: { PAPER_WORKERS: String(options.paperWorkers) } } : {}),
  });
  const handle = openDatabase(server.databaseUrl);
  try {
    const sittingId = (await findDemoSitting(handle.db)).id;
    const savers = await startSavers(server.url, await accessCodes(handle.db, options.savers));
    await sleep(options.baselineSeconds * 1000);
    const saving = await savers.take();
    const instructor = new HttpStudent(server.url);
    const login = await instructor.request('POST', '/api/auth/login', {
      email: DEMO_INSTRUCTOR.email,
      password: DEMO_INSTRUCTOR.password,
    });
    if (login.status !== 200) throw new Error(`instructor login: ${login.status} ${JSON.stringify(login.json)}`);
    const start = performance.now();
    const pdf = await drawQuestionPapers(server.url, instructor, sittingId);
    const seconds = (performance.now() - start) / 1000;
    const savingWhilePrinting = await savers.take();
    // As long again after the papers: on a shared machine the load drifts, so the figure without papers is taken on
    // both sides of the one with them.
    await sleep(options.baselineSeconds * 1000);
    const savingAfter = await savers.take();
    await savers.stop();
    return {
      seconds,
      pages: pdf.pages,
      bytes: pdf.bytes,
      saving: saving.concat(savingAfter).summary(),
      savingWhilePrinting: savingWhilePrinting.summary(),
    };
  } finally {
    await handle.close();
    await server.stopApp();
  }
}

async function accessCodes(db: Kysely<Database>, count: number): Promise<string[]> {
  const rows = await db.selectFrom('roster').select('access_code').orderBy('student_number').limit(count).execute();
  return rows.map((row) => row.access_code);
}

/** Asks for the job, follows it to the end, downloads the PDF; returns its pages (as the job says) and size. */
async function drawQuestionPapers(url: string, instructor: HttpStudent, sittingId: string) {
  const base = `/api/sittings/${sittingId}/paper/question-papers`;
  const requested = await instructor.request('POST', base, {});
  if (requested.status !== 202) throw new Error(`paper job: ${requested.status} ${JSON.stringify(requested.json)}`);
  const id = String(requested.json.id);
  for (;;) {
    const job = await instructor.request('GET', `${base}/${id}`);
    if (job.json?.status === 'failed') throw new Error(`paper job failed: ${String(job.json.error)}`);
    if (job.json?.status === 'done') {
      const response = await fetch(`${url}${String(job.json.downloadUrl)}`, { headers: instructor.credentials() });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200 || bytes === 0) throw new Error(`paper download: ${response.status}`);
      return { pages: Number(job.json.pages), bytes };
    }
    await sleep(250);
  }
}

/** Students who join, start, and then each save an answer every 0.5–1.5 s; latencies are taken in windows. */
async function startSavers(url: string, codes: readonly string[]) {
  let latencies: number[] = [];
  let errors = 0;
  let stopping = false;
  const students = await Promise.all(
    codes.map(async (code) => {
      const student = new HttpStudent(url);
      await student.joinAndStart(code);
      return student;
    }),
  );
  await eventLoopDelay(url); // the first window starts now
  const loops = students.map(async (student, index) => {
    await sleep((index * 1000) / students.length);
    for (let seq = 1; !stopping; seq += 1) {
      const save = {
        seq,
        questionId: QUESTIONS[seq % QUESTIONS.length] ?? 'l2-prior',
        answer: { kind: 'choice', selected: ['abcd'[seq % 4] ?? 'a'] },
        flagged: false,
      };
      const t = performance.now();
      const reply = await student.request('PUT', '/api/attempt/answers', { saves: [save] });
      if (reply.status === 200) latencies.push(performance.now() - t);
      else errors += 1;
      await sleep(500 + Math.random() * 1000);
    }
  });
  return {
    /** The latencies since the last call, summarised, and a fresh window. */
    take: async (): Promise<SaveWindow> => {
      const window = new SaveWindow(latencies, errors, await eventLoopDelay(url));
      latencies = [];
      errors = 0;
      return window;
    },
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
