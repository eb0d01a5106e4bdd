import type { FastifyInstance } from 'fastify';

/**
 * Every reply carries its request's id (Fastify's `request.id`, the `reqId` of every log line about it) in an
 * `x-request-id` header, and every error body carries it as `requestId` beside `code` and `message`: a person
 * reporting "it said something went wrong" can quote the id, and staff find the stack in the log by it. Added here,
 * in one place, so an error sent by any route or handler gets it without knowing.
 */
export function registerRequestIds(app: FastifyInstance): void {
  app.addHook('preSerialization', (request, reply, payload: unknown, done) => {
    done(null, reply.statusCode >= 400 && isErrorBody(payload) ? { ...payload, requestId: request.id } : payload);
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
}

function isErrorBody(payload: unknown): payload is { code: string; message: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const body = payload as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}
