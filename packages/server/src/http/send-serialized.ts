import type { FastifyReply } from 'fastify';

/** The content type the schema serializer sends JSON with. */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends JSON the route has already made to its response schema (e.g. `attemptStateJson`): a string with a JSON
 * content type goes out as it is, past the schema serializer, so it must be exactly what the schema would give.
 */
export function sendSerialized(reply: FastifyReply, json: string): FastifyReply {
  return reply.type(JSON_TYPE).send(json);
}
