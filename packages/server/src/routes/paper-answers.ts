import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InkOverrideSchema, PaperBoxViewSchema } from '../api/index.js';
import type { AppContext } from '../context.js';
import { requireSittingAccess, requireUser } from '../services/access.js';
import {
  getPaperAnswerCrop,
  getPaperAnswerPage,
  requireCropViewer,
  requirePageViewer,
} from '../services/paper-answer-images.js';
import { setPaperAnswerInk } from '../services/paper-answer-ink.js';

const Id = z.string().min(1).max(100);
const AnswerParams = z.object({ sittingId: Id, attemptId: Id, questionId: Id });
const base = '/api/sittings/:sittingId/paper-answers/:attemptId/:questionId';

/**
 * Handwritten answers: a paper answer's box crop (staff; its student after release), the whole scanned page it is on
 * (staff), and a person's word on whether the box is written (staff, audited).
 */
export function paperAnswerRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.get(`${base}/crop.jpg`, { schema: { tags: ['paper'], params: AnswerParams } }, async (request, reply) => {
      await requireCropViewer(context, request.identity, request.params);
      const jpeg = await getPaperAnswerCrop(context, request.params);
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-cache').send(jpeg);
    });
    app.get(`${base}/page.jpg`, { schema: { tags: ['paper'], params: AnswerParams } }, async (request, reply) => {
      await requirePageViewer(context, request.identity, request.params);
      const jpeg = await getPaperAnswerPage(context, request.params);
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-cache').send(jpeg);
    });
    app.post(
      `${base}/ink`,
      {
        schema: {
          tags: ['paper'],
          params: AnswerParams,
          body: InkOverrideSchema,
          response: { 200: PaperBoxViewSchema },
        },
      },
      async (request) => {
        const user = requireUser(request.identity);
        await requireSittingAccess(context, user, request.params.sittingId, 'staff');
        return setPaperAnswerInk(context, user, request.params, request.body);
      },
    );
    return Promise.resolve();
  };
}
