import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildApp } from './app.js';
import { issueSetupCode } from './auth/setup-code.js';
import { systemClock } from './clock.js';
import { DEFAULT_SETTINGS, type AppContext } from './context.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_INSTRUCTOR, seedDemo } from './demo.js';
import { createLogger, LOG_LEVELS, logJobFailure } from './http/logging.js';
import { DEFAULT_LOAD_SHEDDING } from './http/load-shedding.js';
import { startJobs } from './jobs/jobs.js';
import { DEFAULT_PAPER_WORKERS } from './services/paper-workers.js';
import { printSetupCode } from './setup-notice.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().default(`${repository}data/examforge.sqlite`),
  /** PostgreSQL connections per app process (docs/deploy.md: processes × pool < max_connections). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  WEB_ROOT: z.string().default(`${repository}packages/web/dist`),
  DEMO: z.enum(['on', 'off']).default('on'),
  DEMO_STUDENTS: z.coerce.number().int().min(0).max(100_000).default(10),
  SECURE_COOKIES: z.enum(['on', 'off']).default('off'),
  /** `off` (reached directly), a number of proxy hops (`1` behind one HAProxy), or the proxies' addresses, comma-separated. */
  TRUST_PROXY: z
    .string()
    .default('off')
    .transform((value): boolean | number | string[] =>
      value === 'off' ? false : /^\d+$/.test(value) ? Number(value) : value.split(',').map((part) => part.trim()),
    ),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Answer 503 + Retry-After while saturated, instead of queueing without bound (docs/operations.md). */
  SHED_LOAD: z.enum(['on', 'off']).default('on'),
  /** Saturated when the event loop's delay (p90 over a quarter second) passes this many milliseconds. */
  SHED_EVENT_LOOP_DELAY_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(60_000)
    .default(DEFAULT_LOAD_SHEDDING.maxEventLoopDelayMs),
  /** Worker threads that draw question papers, at low priority (docs/operations.md). */
  PAPER_WORKERS: z.coerce.number().int().min(1).max(64).default(DEFAULT_PAPER_WORKERS),
  METRICS: z.enum(['on', 'off']).default('on'),
  /** When set, `GET /metrics` wants `Authorization: Bearer <token>` (docs/operations.md). */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** On SIGTERM, how long requests in flight may take before every connection is closed (docs/deploy.md). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
});

/** Starts the server: migrate, seed the demo on an empty database, run the jobs loop, listen. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    console.error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    process.exit(2);
  }
  const config = parsed.data;
  // JSON lines for a log collector; readable lines when a person watches the terminal.
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  const handle = openDatabase(config.DATABASE_URL, {
    onConnectionError: (error) => logger.warn({ err: error }, 'a PostgreSQL connection broke; the pool opens another'),
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await migrateToLatest(handle);
  const context: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    attemptWrites: handle.attemptWrites,
    clock: systemClock,
    settings: {
      ...DEFAULT_SETTINGS,
      secureCookies: config.SECURE_COOKIES === 'on',
      paperWorkers: config.PAPER_WORKERS,
    },
  };
  const metrics = config.METRICS === 'on' ? { token: config.METRICS_TOKEN, poolUse: handle.poolUse } : undefined;
  const loadShedding =
    config.SHED_LOAD === 'on'
      ? { ...DEFAULT_LOAD_SHEDDING, maxEventLoopDelayMs: config.SHED_EVENT_LOOP_DELAY_MS }
      : undefined;
  const app = await buildApp(context, {
    webRoot: config.WEB_ROOT,
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    loadShedding,
  });
  const stopJobs = startJobs(context, logJobFailure(logger));
  const demo =
    config.DEMO === 'on'
      ? await seedDemo(context, `${repository}exams/dl-endsem-winter-2025/exam.md`, config.DEMO_STUDENTS, [
          `${repository}exams/dl-practice/exam.md`,
        ])
      : undefined;
  const setupCode = config.DEMO === 'off' ? await issueSetupCode(context.db, context.clock.now()) : undefined;
  await app.listen({ port: config.PORT, host: config.HOST });
  // From here on the start does no more asynchronous work, and the stop is in place before the line that says the
  // server is up: a SIGTERM right after it (a test, an orchestrator) gets a clean stop, never the default death or a
  // shutdown racing the start's last database write.
  const shutdown = async () => {
    await stopJobs();
    // Once the listener closes, Node stops timing out its connections: one that never sends a request (a browser's
    // preconnect, a proxy's spare) would keep the process alive for ever. Requests in flight get a grace period.
    const closeTheRest = setTimeout(() => {
      logger.info({ graceMs: config.SHUTDOWN_GRACE_MS }, 'closing the connections still open after the grace period');
      app.server.closeAllConnections();
    }, config.SHUTDOWN_GRACE_MS);
    await app.close();
    clearTimeout(closeTheRest);
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  const url = `http://${config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(
    `Examforge is serving ${url}  (database: ${handle.dialect === 'sqlite' ? config.DATABASE_URL : 'PostgreSQL'})`,
  );
  if (demo && demo.students.length > 0) {
    console.log(`\nDemo instructor: ${DEMO_INSTRUCTOR.email} / ${DEMO_INSTRUCTOR.password}  → ${url}/login`);
    const opened = demo.created ? 'is open for 24 hours from now' : 'was opened on the first start, for 24 hours';
    console.log(`The demo sitting of the bundled exam ${opened}. Student access codes (→ ${url}/):`);
    for (const student of demo.students.slice(0, 5)) {
      const extra = student.timeMultiplier > 1 ? ` (extra time ×${student.timeMultiplier})` : '';
      console.log(`  ${student.accessCode}  ${student.name}${extra}`);
    }
  }
  if (setupCode !== undefined) printSetupCode(setupCode, url);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await startServer();
