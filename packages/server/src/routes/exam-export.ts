import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExamExportFormatSchema, ExamExportReportSchema } from '../api/index.js';
import type { AppContext } from '../context.js';
import { requireExamAccess, requireUser } from '../services/access.js';
import { downloadExamExport, examExportReport } from '../services/exam-export.js';

const ExportParams = z.object({ examId: z.string().min(1).max(100), format: ExamExportFormatSchema });

/**
 * The exam written for another system (Moodle XML, QTI 3.0, GIFT, Aiken): first what the format cannot hold, then the
 * file. For the exam's instructors and owners, as the archive is: the file holds the key and every explanation.
 */
export function examExportRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/exams/:examId/export/:format/report',
      { schema: { tags: ['exams'], params: ExportParams, response: { 200: ExamExportReportSchema } } },
      async (request) => {
        await requireExamAccess(context, requireUser(request.identity), request.params.examId, 'instructor');
        return examExportReport(context, request.params.examId, request.params.format);
      },
    );
    app.get(
      '/api/exams/:examId/export/:format',
      { schema: { tags: ['exams'], params: ExportParams } },
      async (request, reply) => {
        const user = requireUser(request.identity);
        await requireExamAccess(context, user, request.params.examId, 'instructor');
        const file = await downloadExamExport(context, user, request.params.examId, request.params.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"`)
          .send(file.data);
      },
    );
    return Promise.resolve();
  };
}
