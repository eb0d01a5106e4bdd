import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttemptStateSchema,
  HeartbeatSchema,
  SaveAckSchema,
  SaveBatchSchema,
  StudentResultsSchema,
} from '../api/index.js';
import type { AppContext } from '../context.js';
import { sendSerialized } from '../http/send-serialized.js';
import { requireStudent } from '../services/access.js';
import {
  getAttemptStateJson,
  recordHeartbeat,
  saveAnswers,
  startAttempt,
  submitAttempt,
} from '../services/attempts.js';
import { annotatedSheetPage } from '../services/annotated-sheet.js';
import { ownResults, releasedAttempt } from '../services/results.js';

/** The student's routes: the attempt is always the caller's own, found from the session, never from the URL. */
export function attemptRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    // The state is sent as JSON made to its schema (attempt-state-json.ts): the student's view, most of a reload's
    // and a start's work, is serialised once per variant rather than through zod on every request.
    app.get(
      '/api/attempt',
      { schema: { tags: ['attempt'], response: { 200: AttemptStateSchema } } },
      async (request, reply) =>
        sendSerialized(reply, await getAttemptStateJson(context, requireStudent(request.identity))),
    );
    app.post(
      '/api/attempt/start',
      { schema: { tags: ['attempt'], response: { 200: AttemptStateSchema } } },
      async (request, reply) => sendSerialized(reply, await startAttempt(context, requireStudent(request.identity))),
    );
    app.put(
      '/api/attempt/answers',
      { schema: { tags: ['attempt'], body: SaveBatchSchema, response: { 200: SaveAckSchema } } },
      // A client that has gone (timed out, closed the tab) gets nothing written: its outbox sends the saves again.
      (request) =>
        saveAnswers(context, requireStudent(request.identity), request.body.saves, () => request.raw.socket.destroyed),
    );
    app.post(
      '/api/attempt/heartbeat',
      { schema: { tags: ['attempt'], response: { 200: HeartbeatSchema } } },
      (request) => recordHeartbeat(context, requireStudent(request.identity)),
    );
    app.post(
      '/api/attempt/submit',
      { schema: { tags: ['attempt'], response: { 200: AttemptStateSchema } } },
      (request) => submitAttempt(context, requireStudent(request.identity)),
    );
    app.get(
      '/api/attempt/results',
      { schema: { tags: ['attempt'], response: { 200: StudentResultsSchema } } },
      (request) => ownResults(context, requireStudent(request.identity)),
    );
    app.get(
      '/api/attempt/sheet/:page',
      { schema: { tags: ['attempt'], params: SheetPageParams } },
      async (request, reply) => {
        const { sitting, attempt, solutions } = await releasedAttempt(context, requireStudent(request.identity));
        const jpeg = await annotatedSheetPage(context, sitting.id, attempt.id, request.params.page, {
          showKey: solutions,
        });
        return reply.header('content-type', 'image/jpeg').header('cache-control', 'no-store').send(jpeg);
      },
    );
    return Promise.resolve();
  };
}

const SheetPageParams = z.object({ page: z.coerce.number().int().min(1).max(100) });
