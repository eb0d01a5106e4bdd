import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NewRegradeRequestSchema,
  OwnRegradeRequestSchema,
  OwnRegradeRequestsSchema,
  RegradeDecisionSchema,
  RegradeQueueQuerySchema,
  RegradeQueueSchema,
  RegradeRequestDetailSchema,
  RegradeRequestViewSchema,
  RegradeWindowInputSchema,
  SittingSchema,
} from '../api/index.js';
import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { requireSittingAccess, requireStudent, requireUser, type ExamAccess } from '../services/access.js';
import { decideRegradeRequest } from '../services/regrade-decision.js';
import { getRegradeRequestDetail, listRegradeRequests } from '../services/regrade-queue.js';
import { fileRegradeRequest, listOwnRegradeRequests, withdrawRegradeRequest } from '../services/regrade-requests.js';
import { setRegradeWindow } from '../services/regrade-window.js';

const Id = z.string().min(1).max(100);
const OwnRequestParams = z.object({ requestId: Id });
const SittingParams = z.object({ sittingId: Id });
const RequestParams = SittingParams.extend({ requestId: Id });

/**
 * Regrade requests: a student files and follows their own (the attempt found from the session, never the URL); the
 * exam's staff, graders included, read the queue and decide; only instructors open or close the window.
 */
export function regradeRequestRoutes(context: AppContext): FastifyPluginAsyncZod {
  const staffIn = async (identity: Identity, sittingId: string, need: ExamAccess) => {
    const user = requireUser(identity);
    await requireSittingAccess(context, user, sittingId, need);
    return user;
  };
  const queue = '/api/sittings/:sittingId/regrade-requests';
  return (app) => {
    app.get(
      '/api/attempt/regrade-requests',
      { schema: { tags: ['regrades'], response: { 200: OwnRegradeRequestsSchema } } },
      (request) => listOwnRegradeRequests(context, requireStudent(request.identity)),
    );
    app.post(
      '/api/attempt/regrade-requests',
      { schema: { tags: ['regrades'], body: NewRegradeRequestSchema, response: { 200: OwnRegradeRequestSchema } } },
      (request) => fileRegradeRequest(context, requireStudent(request.identity), request.body),
    );
    app.post(
      '/api/attempt/regrade-requests/:requestId/withdraw',
      { schema: { tags: ['regrades'], params: OwnRequestParams, response: { 200: OwnRegradeRequestSchema } } },
      (request) => withdrawRegradeRequest(context, requireStudent(request.identity), request.params.requestId),
    );
    app.get(
      queue,
      {
        schema: {
          tags: ['regrades'],
          params: SittingParams,
          querystring: RegradeQueueQuerySchema,
          response: { 200: RegradeQueueSchema },
        },
      },
      async (request) => {
        await staffIn(request.identity, request.params.sittingId, 'staff');
        return listRegradeRequests(context, request.params.sittingId, request.query);
      },
    );
    app.get(
      `${queue}/:requestId`,
      { schema: { tags: ['regrades'], params: RequestParams, response: { 200: RegradeRequestDetailSchema } } },
      async (request) => {
        const user = await staffIn(request.identity, request.params.sittingId, 'staff');
        return getRegradeRequestDetail(context, user, request.params.sittingId, request.params.requestId);
      },
    );
    app.post(
      `${queue}/:requestId/decision`,
      {
        schema: {
          tags: ['regrades'],
          params: RequestParams,
          body: RegradeDecisionSchema,
          response: { 200: RegradeRequestViewSchema },
        },
      },
      async (request) => {
        const { sittingId, requestId } = request.params;
        const user = await staffIn(request.identity, sittingId, 'staff');
        return decideRegradeRequest(context, user, sittingId, requestId, request.body);
      },
    );
    app.put(
      '/api/sittings/:sittingId/regrade-window',
      {
        schema: {
          tags: ['regrades'],
          params: SittingParams,
          body: RegradeWindowInputSchema,
          response: { 200: SittingSchema },
        },
      },
      async (request) => {
        const user = await staffIn(request.identity, request.params.sittingId, 'instructor');
        return setRegradeWindow(context, user, request.params.sittingId, request.body.until);
      },
    );
    return Promise.resolve();
  };
}
