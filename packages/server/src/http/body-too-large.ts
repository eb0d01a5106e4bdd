import type { FastifyReply, FastifyRequest } from 'fastify';

/** At most this much of a refused body is read and thrown away, for at most this long. */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024;
const MAX_DRAIN_MS = 30_000;

/**
 * Replies 413 to a body over the limit so that the client reads the reply. Fastify stops reading at the limit and
 * closes the connection after its reply; a client still sending (a chunked upload, or one that does not read while it
 * writes, as Node's own does not) then gets a reset instead of the 413. So the rest of the body is read and thrown
 * away first (up to a cap, in bytes and time), and the reply goes once the client has finished sending.
 *
 * @example
 * return replyBodyTooLarge(request, reply, 'scan-too-large', 'a scan file may be at most 50 MB');
 */
export async function replyBodyTooLarge(
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
  message: string,
): Promise<FastifyReply> {
  await drainRequest(request);
  return reply.status(413).send({ code, message });
}

/** The body limit of the request's route, in words: '3 MB'. */
export function describeBodyLimit(request: FastifyRequest): string {
  const bytes = request.routeOptions.bodyLimit;
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

async function drainRequest(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  if (raw.complete || raw.destroyed) return;
  await new Promise<void>((resolve) => {
    let drained = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > MAX_DRAIN_BYTES) finish();
    };
    const timer = setTimeout(finish, MAX_DRAIN_MS);
    raw.on('data', onData).once('end', finish).once('error', finish).once('close', finish);
    raw.resume();
  });
}
