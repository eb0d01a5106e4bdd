import type { ItemFlagKind } from '@examforge/core';
import type { AnalysisReport, AnalysisVerdict } from './report-model.js';

/** Flags in words, for tables and the report. */
export const FLAG_LABELS: Record<ItemFlagKind, string> = {
  'possible-wrong-key': 'possible wrong key',
  'too-easy': 'too easy',
  'too-hard': 'too hard',
  'unchosen-distractor': 'distractor nobody chose',
  'distractor-draws-strong': 'distractor draws the strong',
};

/** `verify`'s verdicts in words; `no-check` is a question without a check. */
export const VERDICT_LABELS: Record<AnalysisVerdict, string> = {
  agrees: 'key agrees with its check',
  disagrees: 'key disagrees with its check',
  'no-option-matches': 'check matches no option',
  'several-options-match': 'check matches several options',
  'no-key': 'no key to compare',
  'check-failed': 'check failed',
  'no-check': 'no check',
  computed: 'computed: see verify --seeds',
};

/** A figure with two decimals, or `—` for one that does not exist (NaN). */
export function figure(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  return value.toFixed(digits);
}

/** A share as a whole percentage (`45 %`), or `—`. */
export function percent(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)} %` : '—';
}

/** A total as written on the paper: at most two decimals, no trailing zeros. */
export function marks(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return String(Math.round(value * 100) / 100);
}

/** What the figures leave out, in words. */
export function leftOut(report: AnalysisReport): string {
  const parts: string[] = [];
  if (report.ungradedAnswers > 0) parts.push(`${answers(report.ungradedAnswers, 'written answer')} not graded yet`);
  if (report.unreadAnswers > 0) parts.push(`${answers(report.unreadAnswers, 'answer')} not read from the scan`);
  if (parts.length === 0) return 'Every answer of the analysed questions is in the figures.';
  const verb = report.ungradedAnswers + report.unreadAnswers === 1 ? 'is' : 'are';
  return `${parts.join(' and ')} ${verb} left out of the figures (never counted as 0).`;
}

const answers = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
