import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  GradebookExportRequestSchema,
  GradebookExportSchema,
  GradesImportReportSchema,
  GradesImportSchema,
} from '../api/index.js';
import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { requireSittingAccess, requireUser, type ExamAccess } from '../services/access.js';
import { exportSittingGradebook } from '../services/gradebook-export.js';
import { importGrades } from '../services/grades-import.js';
import { exportResponsesCsv } from '../services/responses-export.js';

const SittingParams = z.object({ sittingId: z.string().min(1).max(100) });

/**
 * Grading offline: every response as CSV for the exam's staff (names as the sitting's reveal rule allows), and the
 * grades brought back by an instructor, dry run first; the results as an LMS gradebook file. No route here serves a
 * student.
 */
export function gradingExportRoutes(context: AppContext): FastifyPluginAsyncZod {
  const staffIn = async (identity: Identity, sittingId: string, need: ExamAccess) => {
    const user = requireUser(identity);
    await requireSittingAccess(context, user, sittingId, need);
    return user;
  };
  return (app) => {
    app.get(
      '/api/sittings/:sittingId/responses.csv',
      { schema: { tags: ['grading'], params: SittingParams } },
      async (request, reply) => {
        const user = await staffIn(request.identity, request.params.sittingId, 'staff');
        const csv = await exportResponsesCsv(context, user, request.params.sittingId);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="responses.csv"')
          .send(csv);
      },
    );
    app.post(
      '/api/sittings/:sittingId/grades/import',
      {
        // An edited responses.csv holds every typed answer: more than the API's usual 3 MB.
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          tags: ['grading'],
          params: SittingParams,
          body: GradesImportSchema,
          response: { 200: GradesImportReportSchema },
        },
      },
      async (request) => {
        const user = await staffIn(request.identity, request.params.sittingId, 'instructor');
        const { csv, dryRun } = request.body;
        return importGrades(context, user, request.params.sittingId, csv, { dryRun });
      },
    );
    app.post(
      '/api/sittings/:sittingId/gradebook',
      {
        // The LMS's own gradebook export may come along, with every student of a large course.
        bodyLimit: 24 * 1024 * 1024,
        schema: {
          tags: ['results'],
          params: SittingParams,
          body: GradebookExportRequestSchema,
          response: { 200: GradebookExportSchema },
        },
      },
      async (request) => {
        const user = await staffIn(request.identity, request.params.sittingId, 'staff');
        return exportSittingGradebook(context, user, request.params.sittingId, request.body);
      },
    );
    return Promise.resolve();
  };
}
