/**
 * The time rules of an online attempt. The server owns time: these functions take the server's clock readings and
 * return instants; the browser only displays what they decide.
 */
export interface AttemptTimes {
  readonly deadline: Date;
  /** Saves are accepted up to and including this instant: the deadline plus the grace period. */
  readonly acceptsUntil: Date;
}

/**
 * deadline = min(start + duration × time multiplier, window close); saves are accepted until deadline + grace.
 *
 * @example
 * attemptTimes({ startedAt, durationMinutes: 120, timeMultiplier: 1.25, closesAt, graceSeconds: 60 });
 */
export function attemptTimes(input: {
  readonly startedAt: Date;
  readonly durationMinutes: number;
  readonly timeMultiplier: number;
  readonly closesAt: Date;
  readonly graceSeconds: number;
}): AttemptTimes {
  const allowedMs = Math.round(input.durationMinutes * 60_000 * input.timeMultiplier);
  const deadline = new Date(Math.min(input.startedAt.getTime() + allowedMs, input.closesAt.getTime()));
  return { deadline, acceptsUntil: new Date(deadline.getTime() + input.graceSeconds * 1000) };
}

export type ReleasePolicy = 'never' | 'after-close' | 'immediately';

/** Whether results (or solutions) are visible to students now. */
export function isReleased(policy: ReleasePolicy, now: Date, closesAt: Date): boolean {
  if (policy === 'immediately') return true;
  if (policy === 'after-close') return now.getTime() >= closesAt.getTime();
  return false;
}
