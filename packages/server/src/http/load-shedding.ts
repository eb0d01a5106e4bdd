import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AttemptWrites } from '../db/connect.js';

export interface LoadSheddingLimits {
  /** The event loop's recent delay (p90 over the last window) above which the server is saturated. */
  readonly maxEventLoopDelayMs: number;
  /** How long the oldest write may wait for its group before the server counts as saturated. */
  readonly maxWriteWaitMs: number;
  /** What `Retry-After` asks for at least; each refusal adds up to as much again at random, to spread the retries. */
  readonly retryAfterSeconds: number;
}

export const DEFAULT_LOAD_SHEDDING: LoadSheddingLimits = {
  maxEventLoopDelayMs: 200,
  maxWriteWaitMs: 1000,
  retryAfterSeconds: 2,
};

/**
 * Requests served even when saturated: a student joining, starting or reloading their exam (never locked out while
 * others save: their answers wait safely in their browsers' outboxes), signing in, and the probes an operator or a
 * load balancer relies on. Everything else — saves above all — is refused with 503 and `Retry-After` while the
 * server is saturated, quickly, before any database work.
 */
const ALWAYS_ADMITTED = new Set([
  'POST /api/student/join',
  'POST /api/auth/login',
  'POST /api/attempt/start',
  'GET /api/attempt',
  'GET /api/health',
  'GET /api/ready',
  'GET /metrics',
]);

/** How often saturation is judged, from the event loop's delay over the last window and the write backlog. */
const WINDOW_MS = 250;

export interface LoadShedding {
  /** Requests refused since the start (metrics). */
  readonly refused: () => number;
  readonly saturated: () => boolean;
}

/**
 * Admission control (decision 0014): when the server is saturated, answer quickly with 503 and `Retry-After` rather
 * than queue without bound. A shedding episode is logged when it starts and when it ends (with how many requests it
 * refused), not per request: one line a refusal would add to the overload it reports.
 */
export function registerLoadShedding(
  app: FastifyInstance,
  writes: AttemptWrites,
  limits: LoadSheddingLimits = DEFAULT_LOAD_SHEDDING,
): LoadShedding {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let saturated = false;
  let refused = 0;
  let refusedThisEpisode = 0;
  const judge = setInterval(() => {
    const delayMs = delay.percentile(90) / 1e6;
    delay.reset();
    const { oldestMs } = writes.backlog();
    const now = delayMs > limits.maxEventLoopDelayMs || oldestMs > limits.maxWriteWaitMs;
    if (now && !saturated) {
      app.log.warn({ eventLoopDelayMs: Math.round(delayMs), oldestWriteMs: Math.round(oldestMs) }, 'shedding load');
    } else if (!now && saturated) {
      app.log.warn({ refused: refusedThisEpisode }, 'stopped shedding load');
      refusedThisEpisode = 0;
    }
    saturated = now;
  }, WINDOW_MS);
  judge.unref();
  app.addHook('onClose', () => {
    clearInterval(judge);
    delay.disable();
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!saturated || admittedAlways(request)) return;
    refused += 1;
    refusedThisEpisode += 1;
    const seconds = limits.retryAfterSeconds + Math.floor(Math.random() * (limits.retryAfterSeconds + 1));
    await reply
      .code(503)
      .header('retry-after', String(seconds))
      .send({
        code: 'busy',
        message: `the server is busy; try again in ${seconds} s (answers not yet saved are kept in the browser and sent again)`,
      });
  });
  return { refused: () => refused, saturated: () => saturated };
}

function admittedAlways(request: FastifyRequest): boolean {
  // Pages and assets are not the API: a student reloading must get the app that holds their outbox.
  if (!request.url.startsWith('/api/')) return true;
  return ALWAYS_ADMITTED.has(`${request.method} ${request.routeOptions.url ?? ''}`);
}
