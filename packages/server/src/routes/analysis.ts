import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANALYSIS_FILES, AnalysisViewSchema } from '../api/index.js';
import type { Identity, UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { requireExamAccess, requireSittingAccess, requireUser } from '../services/access.js';
import { sittingAttempts, versionAttempts, type AnalysedAttempts } from '../services/analysed-attempts.js';
import { exportAnalysis } from '../services/analysis-export.js';
import { presentAnalysis } from '../services/analysis-view.js';

const SittingParams = z.object({ sittingId: z.string().min(1).max(100) });
const VersionParams = z.object({
  examId: z.string().min(1).max(100),
  version: z.coerce.number().int().positive().max(1_000_000),
});

/**
 * The item analysis for the exam's staff (graders see the statistics as they see results): which questions worked,
 * which keys look wrong. Per sitting, or for every sitting of one exam version together; each as JSON for the page
 * and as the files `examforge analyse` writes (HTML report, statistics and options CSVs), downloads being audited.
 */
export function analysisRoutes(context: AppContext): FastifyPluginAsyncZod {
  const sittingScope = async (identity: Identity, sittingId: string) => {
    const user = requireUser(identity);
    await requireSittingAccess(context, user, sittingId, 'staff');
    return { user, analysed: await sittingAttempts(context, sittingId) };
  };
  const versionScope = async (identity: Identity, { examId, version }: z.infer<typeof VersionParams>) => {
    const user = requireUser(identity);
    await requireExamAccess(context, user, examId, 'staff');
    return { user, analysed: await versionAttempts(context, examId, version) };
  };
  return (app) => {
    const analysisSchema = { tags: ['results'], response: { 200: AnalysisViewSchema } };
    app.get(
      '/api/sittings/:sittingId/analysis',
      { schema: { ...analysisSchema, params: SittingParams } },
      async (request) => presentAnalysis((await sittingScope(request.identity, request.params.sittingId)).analysed),
    );
    app.get(
      '/api/exams/:examId/versions/:version/analysis',
      { schema: { ...analysisSchema, params: VersionParams } },
      async (request) => presentAnalysis((await versionScope(request.identity, request.params)).analysed),
    );
    for (const file of ANALYSIS_FILES) {
      const download = async (scope: { user: UserRow; analysed: AnalysedAttempts }) => {
        const { fileName, contentType, body } = await exportAnalysis(context, scope.user, scope.analysed, file);
        return {
          headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${fileName}"` },
          body,
        };
      };
      app.get(
        `/api/sittings/:sittingId/analysis/${file}`,
        { schema: { tags: ['results'], params: SittingParams } },
        async (request, reply) => {
          const { headers, body } = await download(await sittingScope(request.identity, request.params.sittingId));
          return reply.headers(headers).send(body);
        },
      );
      app.get(
        `/api/exams/:examId/versions/:version/analysis/${file}`,
        { schema: { tags: ['results'], params: VersionParams } },
        async (request, reply) => {
          const { headers, body } = await download(await versionScope(request.identity, request.params));
          return reply.headers(headers).send(body);
        },
      );
    }
    return Promise.resolve();
  };
}
