import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { resolveIdentity, SESSION_COOKIE, type Identity } from './auth/sessions.js';
import type { AppContext } from './context.js';
import { registerApiDocs } from './http/api-docs.js';
import { handleError } from './http/error-handler.js';
import { requestId, RequestLog } from './http/logging.js';
import { registerLoadShedding, type LoadSheddingLimits } from './http/load-shedding.js';
import { registerMetrics, type MetricsOptions } from './http/metrics.js';
import { registerRequestIds } from './http/request-ids.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { serveWeb } from './http/serve-web.js';
import { accountRoutes } from './routes/accounts.js';
import { analysisRoutes } from './routes/analysis.js';
import { attemptRoutes } from './routes/attempt.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { examStaffRoutes } from './routes/exam-staff.js';
import { bankImportRoutes } from './routes/bank-import.js';
import { examExportRoutes } from './routes/exam-export.js';
import { examRoutes } from './routes/exams.js';
import { gradingRoutes } from './routes/grading.js';
import { gradingExportRoutes } from './routes/grading-exports.js';
import { healthRoutes, PROBE_ROUTES } from './routes/health.js';
import { paperRoutes } from './routes/paper.js';
import { paperAnswerRoutes } from './routes/paper-answers.js';
import { regradeRequestRoutes } from './routes/regrade-requests.js';
import { resultsReleaseRoutes } from './routes/results-release.js';
import { sittingRoutes } from './routes/sittings.js';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
  }
}

export interface AppOptions {
  /** The built browser app (packages/web/dist), served with a fallback to index.html for its routes. */
  readonly webRoot?: string;
  /** The pino logger (main.ts: `createLogger` in http/logging.ts); without one the app logs nothing (tests). */
  readonly logger?: FastifyBaseLogger;
  /**
   * Whose `X-Forwarded-For` to believe for the client's address (abuse limits, logs): false when the app is reached
   * directly (the default: a client could otherwise choose its address), the number of proxy hops in front of it (1
   * behind one HAProxy), or the proxies' addresses. main.ts reads it from `TRUST_PROXY`.
   */
  readonly trustProxy?: boolean | number | string[];
  /** Serve `GET /metrics` (Prometheus); off unless given. */
  readonly metrics?: MetricsOptions;
  /**
   * Refuse work with 503 + `Retry-After` while saturated (http/load-shedding.ts); off unless given, so tests that
   * drive the app in-process on a busy machine are never shed. main.ts turns it on (`SHED_LOAD`).
   */
  readonly loadShedding?: LoadSheddingLimits;
}

/** Requests that change state must carry the session's CSRF token, except those that create the session. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/student/join']);
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Builds the HTTP app. Every route reads as a pipeline: the identity is resolved once per request (onRequest), the
 * body is validated by its zod schema, the handler authorizes, runs a command and presents exactly the fields the
 * caller may see; one error handler turns every failure into `{code, message}`.
 */
export async function buildApp(context: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    logController: new RequestLog(),
    // The caller's (or the proxy's) x-request-id when sane, else a fresh UUID; echoed by registerRequestIds.
    genReqId: requestId,
    bodyLimit: 3 * 1024 * 1024,
    trustProxy: trustedProxies(options.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerRequestIds(app);
  // First of the request hooks: a request refused for load costs no session lookup or database work.
  const shedding = options.loadShedding && registerLoadShedding(app, context.attemptWrites, options.loadShedding);
  // The API speaks JSON only: any other body type is refused with 415 rather than half-read.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { secureCookies: context.settings.secureCookies });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Examforge API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  // Kept beside the request rather than on it: Fastify forbids shared object values as request decorations.
  const identities = new WeakMap<object, Identity>();
  app.decorateRequest('identity', {
    getter(): Identity {
      return identities.get(this) ?? { kind: 'anonymous' };
    },
    setter(value: Identity) {
      identities.set(this, value);
    },
  });
  app.addHook('onRequest', async (request) => {
    if (PROBE_ROUTES.has(request.routeOptions.url ?? '')) return;
    request.identity = await resolveIdentity(context.db, request.cookies[SESSION_COOKIE], context.clock.now());
    if (
      UNSAFE_METHODS.has(request.method) &&
      request.identity.kind !== 'anonymous' &&
      !CSRF_EXEMPT.has(request.url.split('?')[0] ?? '')
    ) {
      if (request.headers['x-csrf-token'] !== request.identity.csrfToken) {
        throw new HttpError(403, 'csrf', 'this request lacks the session’s CSRF token (x-csrf-token); reload the page');
      }
    }
  });
  // Before the routes: a hook added to the root later does not reach plugins already registered.
  if (options.metrics) registerMetrics(app, context, { ...options.metrics, ...(shedding && { shedding }) });
  await app.register(authRoutes(context));
  await app.register(examRoutes(context));
  await app.register(bankImportRoutes(context));
  await app.register(examExportRoutes(context));
  await app.register(examStaffRoutes(context));
  await app.register(accountRoutes(context));
  await app.register(sittingRoutes(context));
  await app.register(attemptRoutes(context));
  await app.register(paperRoutes(context));
  await app.register(paperAnswerRoutes(context));
  await app.register(gradingRoutes(context));
  await app.register(gradingExportRoutes(context));
  await app.register(resultsReleaseRoutes(context));
  await app.register(regradeRequestRoutes(context));
  await app.register(analysisRoutes(context));
  await app.register(auditRoutes(context));
  await app.register(healthRoutes(context));
  await registerApiDocs(app);
  await serveWeb(app, options.webRoot);
  return app;
}

/** Fastify's types take a hop count as a function: the first `hops` addresses from the app's side are proxies. */
function trustedProxies(
  setting: AppOptions['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting ?? false;
}
