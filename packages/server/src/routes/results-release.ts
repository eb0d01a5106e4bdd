import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReleaseResultsSchema, SittingSchema } from '../api/index.js';
import type { AppContext } from '../context.js';
import { requireSittingAccess, requireUser } from '../services/access.js';
import { releaseResults } from '../services/results-release.js';

const SittingParams = z.object({ sittingId: z.string().min(1).max(100) });

/** An instructor releases a sitting's results now; with written answers still ungraded only once confirmed. */
export function resultsReleaseRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/api/sittings/:sittingId/release',
      {
        schema: {
          tags: ['results'],
          params: SittingParams,
          body: ReleaseResultsSchema,
          response: { 200: SittingSchema },
        },
      },
      async (request) => {
        const user = requireUser(request.identity);
        await requireSittingAccess(context, user, request.params.sittingId, 'instructor');
        return releaseResults(context, user, request.params.sittingId, request.body);
      },
    );
    return Promise.resolve();
  };
}
