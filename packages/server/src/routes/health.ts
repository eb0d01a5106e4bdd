import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../api/index.js';
import type { AppContext } from '../context.js';
import { checkReadiness } from '../db/readiness.js';
import { HttpError } from '../errors.js';

/** How long readiness waits for the database: a load balancer's check must get an answer before its own timeout. */
const READY_TIMEOUT_MS = 2000;

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({
  status: z.literal('ready'),
  database: z.enum(['sqlite', 'postgres']),
  migrations: z.object({ applied: z.number().int(), latest: z.string() }),
});

/**
 * Probes for a load balancer or an orchestrator. Neither needs a session or a CSRF token (app.ts skips the identity
 * hook for them). `/api/health` answers without touching the database: the process is alive and serving. `/api/ready`
 * says whether it should get traffic: the database answers and its schema is the code's.
 */
export function healthRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.get('/api/health', { schema: { tags: ['operations'], response: { 200: HealthSchema } } }, () => ({
      status: 'ok' as const,
    }));
    const readySchema = { tags: ['operations'], response: { 200: ReadySchema, 503: ErrorSchema } };
    app.get('/api/ready', { schema: readySchema }, async () => {
      const readiness = await checkReadiness(context.db, context.dialect, READY_TIMEOUT_MS);
      if (readiness.kind === 'not-ready') throw new HttpError(503, 'not-ready', readiness.problem);
      return {
        status: 'ready' as const,
        database: context.dialect,
        migrations: { applied: readiness.migrations, latest: readiness.latest },
      };
    });
    return Promise.resolve();
  };
}

/**
 * Routes polled every few seconds by a load balancer or Prometheus: they run without resolving the caller's session
 * (no session row is read), and their request lines are logged at debug.
 */
export const PROBE_ROUTES: ReadonlySet<string> = new Set(['/api/health', '/api/ready', '/metrics']);
