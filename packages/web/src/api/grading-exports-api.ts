import { SittingSchema, type Sitting } from '@examforge/server/api';
import { apiRequest } from './http.js';

/**
 * Releases the sitting's results to its students now. With written answers still ungraded the server refuses (409
 * `ungraded-answers`, the counts in `details.ungraded`) unless `confirmUngraded` is sent.
 */
export function releaseResults(sittingId: string, confirmUngraded: boolean): Promise<Sitting> {
  return apiRequest('POST', `/api/sittings/${encodeURIComponent(sittingId)}/release`, SittingSchema, {
    body: { confirmUngraded },
  });
}

/** A plain link: every response with typed text and grades, for grading offline (names as the reveal rule allows). */
export function responsesCsvUrl(sittingId: string): string {
  return `/api/sittings/${encodeURIComponent(sittingId)}/responses.csv`;
}
