import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { RateLimitedError } from '../auth/rate-limits.js';
import { HttpError } from '../errors.js';
import { describeBodyLimit, replyBodyTooLarge } from './body-too-large.js';

/** Fastify's own error codes for a client's mistakes, with the message we show instead of its internal one. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-json', message: 'the request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    message: 'the request body is empty but says it is JSON',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    message: 'send JSON (content-type: application/json)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad-content-length',
    message: 'the content-length does not match the body',
  },
};

/**
 * The one place errors become responses: `{code, message, details?}` (and `requestId`, added to every error body by
 * request-ids.ts), a 4xx for every mistake a client can make, and a 500 (logged, with no internals shown) only for
 * our own bugs.
 */
export function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | Promise<FastifyReply> {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = describeBodyLimit(request);
    return replyBodyTooLarge(request, reply, 'body-too-large', `the request body is larger than its limit, ${limit}`);
  }
  if (error instanceof HttpError) {
    // Our side failed (e.g. a generator): staff find why in the log (the cause, with its stack, is inside `err`); the
    // caller gets the message only.
    if (error.status >= 500) request.log.error({ err: error }, error.message);
    if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.status(error.status).send({
      code: error.code,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const validation = error.validation as readonly { instancePath: string; message?: string }[];
    const issues = validation.map((issue) => ({ path: issue.instancePath, message: issue.message ?? '' }));
    const first = issues[0];
    const where = first?.path ? ` at ${first.path}` : '';
    return reply.status(400).send({
      code: 'invalid-request',
      message: `the request is not valid${where}: ${first?.message ?? ''}`,
      details: { issues },
    });
  }
  const known = CLIENT_ERRORS[error.code];
  if (known) return reply.status(known.status).send({ code: known.code, message: known.message });
  if (isResponseSerializationError(error)) request.log.error({ err: error }, 'response does not match its schema');
  else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send({ code: 'bad-request', message: error.message });
  } else request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send({ code: 'internal-error', message: 'something went wrong on our side; the error is logged' });
}
