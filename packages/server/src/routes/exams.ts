import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateSittingSchema,
  ExamDetailSchema,
  ExamSummarySchema,
  ImportExamSchema,
  SittingSchema,
  StudentExamViewSchema,
  VerifyReportSchema,
} from '../api/index.js';
import type { AppContext } from '../context.js';
import { requireExamAccess, requireUser } from '../services/access.js';
import { getExamDetail, importExam, listExams } from '../services/exams.js';
import { previewExam } from '../services/preview.js';
import { createSitting } from '../services/sittings.js';
import { verifyExam } from '../services/verify.js';

const ExamParams = z.object({ examId: z.string().min(1).max(100) });
/** A variant seed to preview computed questions with (any text; a student's is `sittingId:rosterId`). */
const PreviewQuery = z.object({ seed: z.string().min(1).max(200).optional() });
const STAFF_ROLES = ['owner', 'instructor'] as const;

export function examRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.get('/api/exams', { schema: { tags: ['exams'], response: { 200: z.array(ExamSummarySchema) } } }, (request) =>
      listExams(context, requireUser(request.identity, [...STAFF_ROLES, 'grader'])),
    );
    app.post(
      '/api/exams',
      { schema: { tags: ['exams'], body: ImportExamSchema, response: { 201: ExamDetailSchema } } },
      async (request, reply) => {
        const user = requireUser(request.identity, STAFF_ROLES);
        return reply.status(201).send(await importExam(context, user, request.body.source));
      },
    );
    app.get(
      '/api/exams/:examId',
      { schema: { tags: ['exams'], params: ExamParams, response: { 200: ExamDetailSchema } } },
      async (request) => {
        await requireExamAccess(context, requireUser(request.identity), request.params.examId, 'staff');
        return getExamDetail(context, request.params.examId);
      },
    );
    app.get(
      '/api/exams/:examId/preview',
      {
        schema: {
          tags: ['exams'],
          params: ExamParams,
          querystring: PreviewQuery,
          response: { 200: StudentExamViewSchema },
        },
      },
      async (request) => {
        await requireExamAccess(context, requireUser(request.identity), request.params.examId, 'staff');
        return previewExam(context, request.params.examId, request.query.seed);
      },
    );
    app.get(
      '/api/exams/:examId/verify',
      { schema: { tags: ['exams'], params: ExamParams, response: { 200: VerifyReportSchema } } },
      async (request) => {
        await requireExamAccess(context, requireUser(request.identity), request.params.examId, 'staff');
        return verifyExam(context, request.params.examId);
      },
    );
    app.post(
      '/api/exams/:examId/sittings',
      {
        schema: { tags: ['sittings'], params: ExamParams, body: CreateSittingSchema, response: { 201: SittingSchema } },
      },
      async (request, reply) => {
        const user = requireUser(request.identity);
        await requireExamAccess(context, user, request.params.examId, 'instructor');
        return reply.status(201).send(await createSitting(context, user, request.params.examId, request.body));
      },
    );
    return Promise.resolve();
  };
}
