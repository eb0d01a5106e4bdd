import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
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
 * What is shed: the students' saves and heartbeats, the bulk of exam day's traffic, sent by the web app's outbox,
 * which keeps every answer and sends it again after `Retry-After`. Everything else is always served: a student
 * joining, starting or reloading (never locked out by others' saves), staff at work (few requests, and their pages do
 * not retry by themselves), the probes an operator or a load balancer relies on.
 */
const SHED_ROUTES = new Set(['PUT /api/attempt/answers', 'POST /api/attempt/heartbeat']);

/**
 * How often saturation is judged, from the event loop's delay over the last window and the write backlog; it takes
 * two windows in a row, so one long request (an import, a PDF) does not shed the saves that arrive behind it.
 */
const WINDOW_MS = 250;

export interface LoadShedding {
  /** Requests refused since the start (metrics). */
  readonly refused: () => number;
  readonly saturated: () => boolean;
}

/**
 * Admission control (decision 0014): when the server is saturated, answer saves quickly with 503 and `Retry-After`
 * rather than queue them without bound. A shedding episode is logged when it starts and when it ends (with how many
 * requests it refused), not per request: one line a refusal would add to the overload it reports.
 */
export function registerLoadShedding(
  app: FastifyInstance,
  writes: AttemptWrites,
  limits: LoadSheddingLimits = DEFAULT_LOAD_SHEDDING,
): LoadShedding {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let saturated = false;
  let behindBefore = false;
  let refused = 0;
  let refusedThisEpisode = 0;
  const judge = setInterval(() => {
    const delayMs = delay.percentile(90) / 1e6;
    delay.reset();
    const { oldestMs } = writes.backlog();
    const behind = delayMs > limits.maxEventLoopDelayMs || oldestMs > limits.maxWriteWaitMs;
    const now = behind && behindBefore;
    behindBefore = behind;
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
    if (!saturated || !SHED_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)) return;
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
