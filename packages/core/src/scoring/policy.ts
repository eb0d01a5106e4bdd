/**
 * How to score answers that are not valid answers. The source exam's rule is that only a completely filled bubble
 * is an answer; what an invalid mark is worth is the instructor's decision, so it is explicit and every such answer
 * is flagged for review whatever the policy.
 */
export interface ScoringPolicy {
  /** Several valid marks on a single-choice question: `zero` (no penalty) or `wrong` (the penalty applies). */
  readonly severalMarks: 'zero' | 'wrong';
  /**
   * Partial fills, ticks and crosses: `zero` scores the question 0 with no penalty; `wrong` applies the penalty;
   * `ignore` disregards them and scores the complete fills alone (the literal reading of "not a valid answer").
   */
  readonly invalidMarks: 'zero' | 'wrong' | 'ignore';
}

export const DEFAULT_POLICY: ScoringPolicy = { severalMarks: 'zero', invalidMarks: 'zero' };
