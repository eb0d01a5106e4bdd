import { ApiRequestError } from '../../api/api-error.js';

/** What a failed save means for the autosaver. */
export type SaveFailure =
  /** No reply or a server error: keep the saves and try again later. */
  | { readonly kind: 'retry' }
  /** The server is saturated and said when to come back (503 + Retry-After): keep the saves, wait at least that. */
  | { readonly kind: 'busy'; readonly retryAfterMs: number }
  /** The attempt is closed (deadline passed, or submitted): stop saving for good. */
  | { readonly kind: 'closed'; readonly message: string }
  /** The server refused the saves (session lost, bad request): keep them, say so, retry slowly. */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

/**
 * @example
 * classifySaveFailure(new ApiRequestError(409, 'attempt-closed', 'Time is up')); // { kind: 'closed', … }
 */
export function classifySaveFailure(error: unknown): SaveFailure {
  if (error instanceof ApiRequestError && error.retryAfterMs !== undefined && error.isTransient) {
    return { kind: 'busy', retryAfterMs: error.retryAfterMs };
  }
  if (!(error instanceof ApiRequestError) || error.isTransient) return { kind: 'retry' };
  if (error.status === 409) return { kind: 'closed', message: error.message };
  return { kind: 'refused', code: error.code, message: error.message };
}
