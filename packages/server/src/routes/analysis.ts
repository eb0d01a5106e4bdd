import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SittingAnalysisSchema } from '../api/index.js';
import type { AppContext } from '../context.js';
import { requireSittingAccess, requireUser } from '../services/access.js';
import { sittingAnalysis } from '../services/sitting-analysis.js';

const SittingParams = z.object({ sittingId: z.string().min(1).max(100) });

/**
 * The item analysis of a sitting, for its staff (graders see the statistics as they see results): which questions
 * worked, which keys look wrong.
 */
export function analysisRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/sittings/:sittingId/analysis',
      { schema: { tags: ['results'], params: SittingParams, response: { 200: SittingAnalysisSchema } } },
      async (request) => {
        const user = requireUser(request.identity);
        await requireSittingAccess(context, user, request.params.sittingId, 'staff');
        return sittingAnalysis(context, request.params.sittingId);
      },
    );
    return Promise.resolve();
  };
}
