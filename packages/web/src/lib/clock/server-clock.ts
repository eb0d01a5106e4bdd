/**
 * The server owns time. The browser only estimates "what time is it on the server now" from the last reply: the
 * offset between the server's `serverNow` and a monotonic local clock (`performance.now()`), measured at the middle
 * of the request's round trip. A monotonic clock is used so that a student changing the computer's clock (or the
 * clock being corrected by NTP mid-exam) cannot move the countdown.
 */
export interface ServerClock {
  /** Server epoch milliseconds minus local monotonic milliseconds. */
  readonly offsetMs: number;
  /** How long the measuring request took: the estimate is off by at most half of it. */
  readonly roundTripMs: number;
}

/**
 * Measures the offset from one server reply.
 *
 * @example
 * // sent at local 1000, reply received at 1200, the server said 10:00:00.100 UTC
 * measureServerClock('2025-01-01T10:00:00.100Z', 1000, 1200);
 */
export function measureServerClock(serverNow: string, sentAtMs: number, receivedAtMs: number): ServerClock {
  const serverMs = Date.parse(serverNow);
  if (Number.isNaN(serverMs)) throw new Error(`The server's time "${serverNow}" is not a date`);
  const midpointMs = (sentAtMs + receivedAtMs) / 2;
  return { offsetMs: serverMs - midpointMs, roundTripMs: Math.max(0, receivedAtMs - sentAtMs) };
}

/** The estimated server time (epoch ms) at a local monotonic instant. */
export function serverTimeAt(clock: ServerClock, localNowMs: number): number {
  return localNowMs + clock.offsetMs;
}

/** Milliseconds until the deadline by the server's clock; never negative. */
export function millisecondsLeft(deadline: string, clock: ServerClock, localNowMs: number): number {
  return Math.max(0, Date.parse(deadline) - serverTimeAt(clock, localNowMs));
}
