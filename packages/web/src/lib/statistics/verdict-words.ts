import type { CheckResultView } from '@examforge/server/api';

export type Verdict = CheckResultView['verdict'];

/** How a verdict looks: its words and the status badge's tone (a class suffix of `status-badge`). */
export interface VerdictWords {
  readonly text: string;
  readonly tone: 'submitted' | 'expired' | 'open' | 'none';
}

/** `examforge verify`'s verdicts in words, one vocabulary for the exam page and the statistics page. */
export const VERDICT_WORDS: Readonly<Record<Verdict, VerdictWords>> = {
  agrees: { text: 'agrees', tone: 'submitted' },
  disagrees: { text: 'disagrees', tone: 'expired' },
  'no-option-matches': { text: 'no option matches', tone: 'expired' },
  'several-options-match': { text: 'several options match', tone: 'expired' },
  'no-key': { text: 'no key to compare', tone: 'open' },
  'check-failed': { text: 'check failed', tone: 'expired' },
};

/** A question without an executable check has no verdict: it says so instead of staying silent. */
export const NO_CHECK: VerdictWords = { text: 'no check', tone: 'none' };

/**
 * @example
 * verdictWords(undefined).text; // 'no check'
 * verdictWords('disagrees').text; // 'disagrees'
 */
export function verdictWords(verdict: Verdict | undefined): VerdictWords {
  return verdict === undefined ? NO_CHECK : VERDICT_WORDS[verdict];
}
