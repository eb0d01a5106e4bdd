/** When the autosaver sends: pure functions of the clock, so the policy is tested without timers. */
export interface SaveTiming {
  /** Wait this long after the last change, so a burst of keystrokes goes out as one request… */
  readonly quietMs: number;
  /** …but never longer than this after the first unsent change, so every change leaves within a second. */
  readonly maxWaitMs: number;
  /** First retry after a failure; doubles on each further failure… */
  readonly retryBaseMs: number;
  /** …up to this. */
  readonly retryMaxMs: number;
}

export const DEFAULT_SAVE_TIMING: SaveTiming = { quietMs: 300, maxWaitMs: 800, retryBaseMs: 1000, retryMaxMs: 30_000 };

/**
 * Milliseconds from `nowMs` until the pending changes should be sent.
 *
 * @example
 * flushDelayMs(1000, 400, 1000, DEFAULT_SAVE_TIMING); // 200: the first change has waited 600 ms already
 */
export function flushDelayMs(
  nowMs: number,
  firstPendingAtMs: number,
  lastChangeAtMs: number,
  timing: SaveTiming,
): number {
  const due = Math.min(lastChangeAtMs + timing.quietMs, firstPendingAtMs + timing.maxWaitMs);
  return Math.max(0, due - nowMs);
}

/**
 * Exponential backoff with ±25 % jitter, so that a whole exam hall coming back online does not retry in step.
 *
 * @example
 * retryDelayMs(3, DEFAULT_SAVE_TIMING, () => 0.5); // 4000
 */
export function retryDelayMs(failures: number, timing: SaveTiming, random: () => number): number {
  const exponent = Math.max(0, failures - 1);
  const base = Math.min(timing.retryMaxMs, timing.retryBaseMs * 2 ** exponent);
  return Math.round(Math.min(timing.retryMaxMs, base * (0.75 + 0.5 * random())));
}

/**
 * The wait before retrying when a busy server asked for `retryAfterMs`: never sooner, and up to half as long again
 * at random, so the students it refused together do not all return in the same second.
 *
 * @example
 * busyRetryDelayMs(2000, 1000, () => 0.5); // 2500
 */
export function busyRetryDelayMs(retryAfterMs: number, backoffMs: number, random: () => number): number {
  return Math.round(Math.max(backoffMs, retryAfterMs * (1 + 0.5 * random())));
}
