import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditFacetsSchema, AuditFilterSchema, AuditPageQuerySchema, AuditPageSchema } from '../api/index.js';
import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { requireExamAccess, requireSittingAccess, requireUser } from '../services/access.js';
import type { AuditScope } from '../services/audit-trail.js';
import { auditFacets, auditPage, exportAuditCsv } from '../services/audit-view.js';
import { examArchiveName, streamExamArchive, userExporter } from '../services/exam-archive.js';

const ExamParams = z.object({ examId: z.string().min(1).max(100) });
const SittingParams = z.object({ sittingId: z.string().min(1).max(100) });

/**
 * The audit trail, readable, per exam and per sitting (a page at a time, the filter choices, the CSV), and the exam's
 * whole data as one archive. Instructors of the exam (and owners) only, never graders: the trail names the students
 * behind anonymous grading, shows every grader's work and every student's answers as saved, and the archive holds
 * all of it; a grader's view of an answer's history is the grading page.
 */
export function auditRoutes(context: AppContext): FastifyPluginAsyncZod {
  const examScope = async (identity: Identity, examId: string) => {
    const user = requireUser(identity);
    await requireExamAccess(context, user, examId, 'instructor');
    return { user, scope: { examId } satisfies AuditScope };
  };
  const sittingScope = async (identity: Identity, sittingId: string) => {
    const user = requireUser(identity);
    const examId = await requireSittingAccess(context, user, sittingId, 'instructor');
    return { user, scope: { examId, sittingId } satisfies AuditScope };
  };
  const csvHeaders = {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="audit.csv"',
  };
  return (app) => {
    const page = { tags: ['audit'], querystring: AuditPageQuerySchema, response: { 200: AuditPageSchema } };
    const facets = { tags: ['audit'], response: { 200: AuditFacetsSchema } };
    const csv = { tags: ['audit'], querystring: AuditFilterSchema };
    app.get('/api/exams/:examId/audit', { schema: { ...page, params: ExamParams } }, async (request) => {
      const { scope } = await examScope(request.identity, request.params.examId);
      return auditPage(context, scope, request.query);
    });
    app.get('/api/sittings/:sittingId/audit', { schema: { ...page, params: SittingParams } }, async (request) => {
      const { scope } = await sittingScope(request.identity, request.params.sittingId);
      return auditPage(context, scope, request.query);
    });
    app.get('/api/exams/:examId/audit/facets', { schema: { ...facets, params: ExamParams } }, async (request) => {
      const { scope } = await examScope(request.identity, request.params.examId);
      return auditFacets(context, scope);
    });
    app.get(
      '/api/sittings/:sittingId/audit/facets',
      { schema: { ...facets, params: SittingParams } },
      async (request) => {
        const { scope } = await sittingScope(request.identity, request.params.sittingId);
        return auditFacets(context, scope);
      },
    );
    app.get('/api/exams/:examId/audit.csv', { schema: { ...csv, params: ExamParams } }, async (request, reply) => {
      const { user, scope } = await examScope(request.identity, request.params.examId);
      const chunks = await exportAuditCsv(context, user, scope, request.query);
      return reply.headers(csvHeaders).send(Readable.from(chunks));
    });
    app.get(
      '/api/sittings/:sittingId/audit.csv',
      { schema: { ...csv, params: SittingParams } },
      async (request, reply) => {
        const { user, scope } = await sittingScope(request.identity, request.params.sittingId);
        const chunks = await exportAuditCsv(context, user, scope, request.query);
        return reply.headers(csvHeaders).send(Readable.from(chunks));
      },
    );
    app.get(
      '/api/exams/:examId/archive',
      { schema: { tags: ['audit'], params: ExamParams } },
      async (request, reply) => {
        const { user } = await examScope(request.identity, request.params.examId);
        const archive = await streamExamArchive(context, userExporter(user), request.params.examId);
        return reply
          .header('content-type', 'application/zip')
          .header(
            'content-disposition',
            `attachment; filename="${await examArchiveName(context, request.params.examId)}"`,
          )
          .send(archive);
      },
    );
    return Promise.resolve();
  };
}
