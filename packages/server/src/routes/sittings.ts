import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangeKeySchema,
  DropQuestionSchema,
  KeyChangePreviewRequestSchema,
  KeyChangePreviewSchema,
  MonitorRowSchema,
  ResultRowSchema,
  RosterEntrySchema,
  RosterImportSchema,
  SittingSchema,
  StudentResultsSchema,
} from '../api/index.js';
import type { AppContext } from '../context.js';
import { requireSittingAccess, requireUser } from '../services/access.js';
import { loadExamVersion } from '../services/exams.js';
import { previewKeyChange } from '../services/key-change-preview.js';
import { sittingMonitor } from '../services/monitor.js';
import { changeKey, dropFromSitting } from '../services/regrade.js';
import { attemptResults, sittingResults } from '../services/results.js';
import { presentResultsCsv } from '../services/results-csv.js';
import { recordResultsExport } from '../services/results-export.js';
import { importRoster, listRoster } from '../services/roster.js';
import { findSittingRow, getSitting } from '../services/sittings.js';

const SittingParams = z.object({ sittingId: z.string().min(1).max(100) });
const AttemptParams = SittingParams.extend({ attemptId: z.string().min(1).max(100) });

export function sittingRoutes(context: AppContext): FastifyPluginAsyncZod {
  /** Authenticates a staff member and checks their access to the sitting's exam. */
  const staff = async (
    identity: Parameters<typeof requireUser>[0],
    sittingId: string,
    need: 'staff' | 'instructor',
  ) => {
    const user = requireUser(identity);
    await requireSittingAccess(context, user, sittingId, need);
    return user;
  };
  return (app) => {
    app.get(
      '/api/sittings/:sittingId',
      { schema: { tags: ['sittings'], params: SittingParams, response: { 200: SittingSchema } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        return getSitting(context, request.params.sittingId);
      },
    );
    app.post(
      '/api/sittings/:sittingId/roster',
      {
        schema: {
          tags: ['sittings'],
          params: SittingParams,
          body: RosterImportSchema,
          response: { 200: z.array(RosterEntrySchema) },
        },
      },
      async (request) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        return importRoster(context, user, request.params.sittingId, request.body.csv);
      },
    );
    app.get(
      '/api/sittings/:sittingId/roster',
      { schema: { tags: ['sittings'], params: SittingParams, response: { 200: z.array(RosterEntrySchema) } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'instructor');
        return listRoster(context, request.params.sittingId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/monitor',
      { schema: { tags: ['sittings'], params: SittingParams, response: { 200: z.array(MonitorRowSchema) } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        return sittingMonitor(context, request.params.sittingId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/results',
      { schema: { tags: ['results'], params: SittingParams, response: { 200: z.array(ResultRowSchema) } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        return sittingResults(context, request.params.sittingId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/results.csv',
      { schema: { tags: ['results'], params: SittingParams } },
      async (request, reply) => {
        const user = await staff(request.identity, request.params.sittingId, 'staff');
        const rows = await sittingResults(context, request.params.sittingId);
        const exam = await loadExamVersion(
          context,
          (await findSittingRow(context, request.params.sittingId)).exam_version_id,
        );
        const csv = presentResultsCsv(exam, rows);
        await recordResultsExport(context, user, request.params.sittingId, rows.length);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="results.csv"')
          .send(csv);
      },
    );
    app.get(
      '/api/sittings/:sittingId/attempts/:attemptId',
      { schema: { tags: ['results'], params: AttemptParams, response: { 200: StudentResultsSchema } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        return attemptResults(context, request.params.sittingId, request.params.attemptId);
      },
    );
    app.post(
      '/api/sittings/:sittingId/key',
      {
        schema: {
          tags: ['results'],
          params: SittingParams,
          body: ChangeKeySchema,
          response: { 200: z.array(ResultRowSchema) },
        },
      },
      async (request) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        return changeKey(context, user, request.params.sittingId, request.body.questionId, request.body.letters);
      },
    );
    app.post(
      '/api/sittings/:sittingId/key/preview',
      {
        schema: {
          tags: ['results'],
          params: SittingParams,
          body: KeyChangePreviewRequestSchema,
          response: { 200: KeyChangePreviewSchema },
        },
      },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'instructor');
        const { questionId, letters } = request.body;
        return previewKeyChange(context, request.params.sittingId, questionId, letters);
      },
    );
    app.post(
      '/api/sittings/:sittingId/drop',
      {
        schema: {
          tags: ['results'],
          params: SittingParams,
          body: DropQuestionSchema,
          response: { 200: z.array(ResultRowSchema) },
        },
      },
      async (request) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        return dropFromSitting(context, user, request.params.sittingId, request.body.questionId, request.body.mode);
      },
    );
    return Promise.resolve();
  };
}
