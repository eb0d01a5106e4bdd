import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.js';
import type { PoolUse } from '../db/connect.js';
import type { LoadShedding } from './load-shedding.js';
import { withTimeout } from '../db/readiness.js';
import { HttpError } from '../errors.js';
import { readOperationsSnapshot, type OperationsSnapshot } from '../services/operations-snapshot.js';

export interface MetricsOptions {
  /** When set, a scrape must send `Authorization: Bearer <token>` (Prometheus: `authorization.credentials`). */
  readonly token?: string;
  /** The PostgreSQL pool's connections now; absent on SQLite (one connection, no pool to run out of). */
  readonly poolUse?: () => PoolUse;
  /** Admission control, when on: how many requests it refused. */
  readonly shedding?: LoadShedding;
}

/** The save route's pattern: its latency is what a student feels while typing. */
const SAVE_ROUTE = '/api/attempt/answers';
const SCRAPE_DB_TIMEOUT_MS = 2000;
/** From a quick read (5 ms) to a request that waited on a busy database (10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * `GET /metrics` in Prometheus' text format, from a registry of this app's own (several apps in one process, as in
 * the tests, do not share or clash): Node's process metrics, request and save latency histograms observed as each
 * response is sent, and gauges read from the database at scrape time. If the database does not answer, the scrape
 * still succeeds with `examforge_database_up 0` and without the database's gauges.
 */
export function registerMetrics(app: FastifyInstance, context: AppContext, options: MetricsOptions): void {
  const registry = new Registry();
  const fromDatabase = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = requestLatency(registry);
  const gauges = databaseGauges(fromDatabase);
  const databaseUp = new Gauge({
    name: 'examforge_database_up',
    help: '1 when the database answered this scrape’s queries, 0 when it did not (its gauges are then left out)',
    registers: [registry],
  });
  if (options.poolUse) poolGauges(registry, options.poolUse);
  groupCommitMetrics(registry, context);
  if (options.shedding) sheddingMetrics(registry, options.shedding);
  app.addHook('onResponse', (request, reply, done) => {
    latency(request, reply);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (options.token !== undefined) requireToken(request, options.token);
    let text = '';
    try {
      gauges(await withTimeout(readOperationsSnapshot(context), SCRAPE_DB_TIMEOUT_MS, 'the database'));
      databaseUp.set(1);
      text = await fromDatabase.metrics();
    } catch (error) {
      request.log.warn({ err: error }, 'metrics: the database gauges could not be read');
      databaseUp.set(0);
    }
    return reply.header('content-type', registry.contentType).send((await registry.metrics()) + text);
  });
}

function requestLatency(registry: Registry): (request: FastifyRequest, reply: FastifyReply) => void {
  const requests = new Histogram({
    name: 'examforge_http_request_duration_seconds',
    help: 'Time from a request’s arrival to its response, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status_class'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const saves = new Histogram({
    name: 'examforge_attempt_save_duration_seconds',
    help: 'Time to acknowledge a student’s save (PUT /api/attempt/answers), by status class',
    labelNames: ['status_class'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (request, reply) => {
    // The pattern, never the URL: ids in paths would make a series per sitting and student. Unmatched URLs share one.
    const route = request.routeOptions.url ?? 'unmatched';
    const statusClass = `${String(reply.statusCode).charAt(0)}xx`;
    const seconds = reply.elapsedTime / 1000;
    requests.observe({ method: request.method, route, status_class: statusClass }, seconds);
    if (route === SAVE_ROUTE && request.method === 'PUT') saves.observe({ status_class: statusClass }, seconds);
  };
}

function databaseGauges(registry: Registry) {
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const active = gauge('examforge_active_attempts', 'Attempts started and not yet closed');
  const batches = gauge('examforge_scan_batches', 'Uploaded scan batches waiting or being read, by status', ['status']);
  const lag = gauge(
    'examforge_job_lag_seconds',
    'How long the oldest attempt past its deadline has waited to be closed (0: none waits)',
  );
  return (snapshot: OperationsSnapshot) => {
    active.set(snapshot.activeAttempts);
    batches.set({ status: 'queued' }, snapshot.scanBatchesQueued);
    batches.set({ status: 'reading' }, snapshot.scanBatchesReading);
    lag.set(snapshot.jobLagSeconds);
  };
}

function sheddingMetrics(registry: Registry, shedding: LoadShedding): void {
  new Counter({
    name: 'examforge_requests_shed_total',
    help: 'Requests refused with 503 + Retry-After because the server was saturated',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(shedding.refused());
    },
  });
  new Gauge({
    name: 'examforge_saturated',
    help: '1 while the server sheds load (its event loop or its writes are behind), else 0',
    registers: [registry],
    collect() {
      this.set(shedding.saturated() ? 1 : 0);
    },
  });
}

/** Group commit (decision 0014): writes per commit, and what waits for the next group. */
function groupCommitMetrics(registry: Registry, context: AppContext): void {
  const writes = context.attemptWrites;
  new Counter({
    name: 'examforge_attempt_write_groups_total',
    help: 'Commits of exam-day writes (saves, heartbeats, starts): each one transaction and one fsync',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(writes.committed.groups);
    },
  });
  new Counter({
    name: 'examforge_attempt_writes_total',
    help: 'Exam-day writes committed; divided by the groups, the writes each commit carried',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(writes.committed.writes);
    },
  });
  new Gauge({
    name: 'examforge_attempt_writes_backlog',
    help: 'Exam-day writes waiting for the next group, and groups committing now',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const backlog = writes.backlog();
      this.set({ state: 'waiting' }, backlog.waiting);
      this.set({ state: 'committing' }, backlog.inFlight);
    },
  });
}

function poolGauges(registry: Registry, poolUse: () => PoolUse): void {
  new Gauge({
    name: 'examforge_db_pool_connections',
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const use = poolUse();
      this.set({ state: 'total' }, use.total);
      this.set({ state: 'idle' }, use.idle);
      this.set({ state: 'waiting' }, use.waiting);
    },
  });
}

function requireToken(request: FastifyRequest, token: string): void {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'unauthorized', 'metrics need the scrape token (Authorization: Bearer …)');
  }
}
