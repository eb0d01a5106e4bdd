/**
 * What partial fills, ticks, crosses and unsure readings (`unclear`) read from paper do to a choice question:
 *
 * - `not-answers` (the default, the source exam's rule taken literally): they are not answers, and they cancel
 *   nothing. A complete fill beside a tick elsewhere is the answer; a tick alone leaves the question unanswered
 *   (0, no penalty). An `unclear` mark counts as not an answer until a person decides what it is.
 * - `zero`: any such mark makes the question worth 0, no penalty, whatever else was filled: a right fill beside a
 *   tick scores 0; a tick alone scores 0.
 * - `wrong`: any such mark makes the question wrong (the penalty applies): a right fill beside a tick costs the
 *   penalty; so does a tick alone.
 *
 * Whatever the policy, the question is flagged and its reason names every such mark.
 */
export type InvalidMarksPolicy = 'not-answers' | 'zero' | 'wrong';

export const INVALID_MARKS_POLICIES: readonly InvalidMarksPolicy[] = ['not-answers', 'zero', 'wrong'];

/**
 * Names that people may still type for a policy: `ignore` was the first name of `not-answers` (the CLI's
 * `--invalid-marks ignore`).
 */
const INVALID_MARKS_ALIASES: ReadonlyMap<string, InvalidMarksPolicy> = new Map([['ignore', 'not-answers']]);

/**
 * How to score answers that are not valid answers. What an invalid mark is worth is the instructor's decision, so
 * it is explicit, and every such answer is flagged for review whatever the policy.
 */
export interface ScoringPolicy {
  /** Several complete fills on a single-choice question: `zero` (no penalty) or `wrong` (the penalty applies). */
  readonly severalMarks: 'zero' | 'wrong';
  /** Partial fills, ticks, crosses and unsure readings: see `InvalidMarksPolicy`. */
  readonly invalidMarks: InvalidMarksPolicy;
}

/** The source exam's rule: only complete fills are answers, and nothing else cancels them. */
export const DEFAULT_POLICY: ScoringPolicy = { severalMarks: 'zero', invalidMarks: 'not-answers' };

/**
 * The invalid-marks policy a person named, aliases included; undefined for a name that is none.
 *
 * @example
 * invalidMarksPolicyNamed('ignore'); // 'not-answers'
 * invalidMarksPolicyNamed('half'); // undefined
 */
export function invalidMarksPolicyNamed(name: string): InvalidMarksPolicy | undefined {
  return INVALID_MARKS_POLICIES.find((policy) => policy === name) ?? INVALID_MARKS_ALIASES.get(name);
}
