import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { JobName } from '../jobs/jobs.js';
import { PROBE_ROUTES } from '../routes/health.js';
import { pino, stdSerializers, type DestinationStream, type Level, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Readable lines for a person at a terminal (pino-pretty in a worker thread) instead of JSON. */
  readonly pretty?: boolean;
  /** Where JSON lines go (stdout by default); a test passes a stream to read them back. */
  readonly destination?: DestinationStream;
}

/**
 * Headers that carry a credential. Nothing logs whole headers today; if someone adds them to a log line, these still
 * never reach the log.
 */
const REDACTED = ['cookie', 'authorization', '["x-csrf-token"]'].flatMap((header) => [
  `req.headers.${header}`,
  `headers.${header}`,
]);

/**
 * The server's logger: JSON lines (one object per line, `time` in epoch ms, `level` as a number) for a log shipper,
 * or readable lines when `pretty`. Requests are logged with their method, URL and address only (never a body:
 * answers, passwords and access codes travel in bodies), errors with their stack and cause.
 *
 * @example
 * const logger = createLogger({ level: 'info', pretty: process.stdout.isTTY });
 * logger.error({ err: error, job: 'close-expired-attempts' }, 'background job failed');
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: { req: serializeRequest, res: serializeReply, err: stdSerializers.errWithCause },
  };
  if (options.pretty && !options.destination) {
    return pino({
      ...settings,
      transport: { target: 'pino-pretty', options: PRETTY },
    });
  }
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** At a terminal, a request is one line: `request completed GET /api/attempt → 200 in 3.1 ms (<reqId>)`. */
const PRETTY = {
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,reqId,req,res,responseTime',
  messageFormat:
    '{msg}{if req.method} {req.method} {req.url} → {res.statusCode} in {responseTime} ms{end}{if reqId} ({reqId}){end}',
};

function serializeRequest(request: FastifyRequest) {
  return { method: request.method, url: request.url, route: request.routeOptions.url, remoteAddress: request.ip };
}

function serializeReply(reply: FastifyReply) {
  return { statusCode: reply.statusCode };
}

/**
 * The jobs loop's `onError`: a background failure has no request to answer, so the log is the only place it shows.
 *
 * @example
 * const stopJobs = startJobs(context, logJobFailure(logger));
 */
export function logJobFailure(logger: Logger): (error: unknown, job: JobName) => void {
  return (error, job) => logger.error({ err: error, job }, `background job ${job} failed`);
}

/** An incoming id is kept (so a proxy's or a client's id follows the request through) only if it looks like one. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the caller's `x-request-id` when sane, a fresh UUID otherwise. */
export function requestId(raw: IncomingMessage): string {
  const incoming = raw.headers['x-request-id'];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * One line per request, when it completes (Fastify's default is two: incoming and completed), with its status and
 * time; probes at debug. Errors are not logged here: the error handler logs every 5xx with its stack, and a 4xx is
 * the caller's mistake, not ours.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // Logged once, on completion.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const level: Level = PROBE_ROUTES.has(request.routeOptions.url ?? '') ? 'debug' : 'info';
    const fields = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    // The response failed after it began (e.g. the client went away mid-download).
    if (error) reply.log.warn({ ...fields, err: error }, 'request failed while responding');
    else reply.log[level](fields, 'request completed');
  }
}
