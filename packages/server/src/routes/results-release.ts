import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ReleaseResultsSchema,
  ReleaseSolutionsSchema,
  SittingSchema,
  StudentReleaseInputSchema,
  StudentReleaseSchema,
  StudentReleasesSchema,
} from '../api/index.js';
import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { requireSittingAccess, requireUser } from '../services/access.js';
import { listStudentReleases, setStudentRelease } from '../services/release-overrides.js';
import { releaseResults, releaseSolutions } from '../services/results-release.js';

const Id = z.string().min(1).max(100);
const SittingParams = z.object({ sittingId: Id });
const StudentParams = SittingParams.extend({ rosterId: Id });

/**
 * An instructor releases a sitting's results (with written answers still ungraded only once confirmed), then its
 * solutions, and holds back or releases either for one student (decision 0013).
 */
export function resultsReleaseRoutes(context: AppContext): FastifyPluginAsyncZod {
  const instructorOf = async (identity: Identity, sittingId: string) => {
    const user = requireUser(identity);
    await requireSittingAccess(context, user, sittingId, 'instructor');
    return user;
  };
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
        const user = await instructorOf(request.identity, request.params.sittingId);
        return releaseResults(context, user, request.params.sittingId, request.body);
      },
    );
    app.post(
      '/api/sittings/:sittingId/release-solutions',
      {
        schema: {
          tags: ['results'],
          params: SittingParams,
          body: ReleaseSolutionsSchema,
          response: { 200: SittingSchema },
        },
      },
      async (request) => {
        const user = await instructorOf(request.identity, request.params.sittingId);
        return releaseSolutions(context, user, request.params.sittingId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/student-releases',
      { schema: { tags: ['results'], params: SittingParams, response: { 200: StudentReleasesSchema } } },
      async (request) => {
        await instructorOf(request.identity, request.params.sittingId);
        return listStudentReleases(context, request.params.sittingId);
      },
    );
    app.put(
      '/api/sittings/:sittingId/student-releases/:rosterId',
      {
        schema: {
          tags: ['results'],
          params: StudentParams,
          body: StudentReleaseInputSchema,
          response: { 200: StudentReleaseSchema },
        },
      },
      async (request) => {
        const { sittingId, rosterId } = request.params;
        const user = await instructorOf(request.identity, sittingId);
        return setStudentRelease(context, user, sittingId, rosterId, request.body);
      },
    );
    return Promise.resolve();
  };
}
