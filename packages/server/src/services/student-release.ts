import { isReleased } from '@examforge/core';
import type { AttemptsTable, ReleaseOverridesTable, SittingsTable } from '../db/schema.js';

/** What one student may see of their results now, and why not when they may not. */
export interface ReleaseDecision {
  readonly results: boolean;
  readonly solutions: boolean;
  /** Their attempt still takes answers (open, or in its grace period): nothing is shown until it does not. */
  readonly stillAnswering: boolean;
}

type Override = Pick<ReleaseOverridesTable, 'results' | 'solutions'> | undefined;
type Sitting = Pick<SittingsTable, 'release_results' | 'release_solutions' | 'closes_at'>;
type Attempt = Pick<AttemptsTable, 'close_reason' | 'accepts_until'>;

/**
 * Decides one student's release (decision 0013), pure: the student's own override if any, else the sitting's policy;
 * solutions only with results; and neither while their own attempt still takes answers, whatever the policy says,
 * so a late taker (extra time, the grace period, a late start) never reads the key while they can still answer.
 *
 * @example
 * studentRelease(sitting, { results: 'held', solutions: null }, attempt, now); // { results: false, solutions: false, … }
 */
export function studentRelease(
  sitting: Sitting,
  override: Override,
  attempt: Attempt | undefined,
  now: Date,
): ReleaseDecision {
  const closesAt = new Date(sitting.closes_at);
  const stillAnswering = attempt !== undefined && canStillAnswer(attempt, now);
  const results =
    attempt !== undefined && !stillAnswering && decide(override?.results, sitting.release_results, now, closesAt);
  const solutions = results && decide(override?.solutions, sitting.release_solutions, now, closesAt);
  return { results, solutions, stillAnswering };
}

/** Whether results are released to this student by override or policy, before their attempt is considered. */
export function resultsReleasedTo(sitting: Sitting, override: Override, now: Date): boolean {
  return decide(override?.results, sitting.release_results, now, new Date(sitting.closes_at));
}

function decide(
  override: 'held' | 'released' | null | undefined,
  policy: Sitting['release_results'],
  now: Date,
  closesAt: Date,
): boolean {
  if (override === 'held') return false;
  if (override === 'released') return true;
  return isReleased(policy, now, closesAt);
}

/** As saves are refused (`attempts.ts`): a submitted or paper attempt takes none; otherwise until deadline + grace. */
export function canStillAnswer(attempt: Attempt, now: Date): boolean {
  if (attempt.close_reason === 'submitted' || attempt.close_reason === 'paper') return false;
  return now.getTime() <= new Date(attempt.accepts_until).getTime();
}
