import { formatComputed, type CheckResult, type Verdict } from '@examforge/checks';
import type { Styles } from '../console.js';
import { plural } from '../render/exam-overview.js';

/** Verdicts that make `verify` exit 1: the key, the options or the check need a person's attention. */
export const FINDINGS: readonly Verdict[] = ['disagrees', 'no-option-matches', 'several-options-match', 'check-failed'];

const LABELS: Record<Verdict, string> = {
  agrees: '✔ agrees',
  disagrees: '✘ disagrees',
  'no-option-matches': '✘ no option matches',
  'several-options-match': '✘ several options match',
  'no-key': '· no key to compare',
  'check-failed': '✘ check failed',
};

const MAX_COMPUTED = 44;

/** The computed answer and the options it selects: `0.0417 → (a)`. */
export function describeComputed(result: CheckResult): string {
  if (!result.computed) return '—';
  const value = formatComputed(result.computed);
  const short = value.length > MAX_COMPUTED ? `${value.slice(0, MAX_COMPUTED - 1)}…` : value;
  if (result.computed.kind === 'options' || !result.matched || result.matched.length === 0) return short;
  return `${short} → ${result.matched.map((letter) => `(${letter})`).join(' ')}`;
}

/**
 * The verify report: one row per checked question (number, id, marked key, computed answer, verdict), the check's
 * convention and any error under its row, and a summary line.
 */
export function renderVerifyTable(results: readonly CheckResult[], examPath: string, s: Styles): string[] {
  const rows = results.map((result) => [
    `Q${result.number}`,
    result.questionId,
    result.markedKey ?? '—',
    describeComputed(result),
  ]);
  const header = ['', 'Question', 'Key', 'Computed'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const pad = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  const lines = [s.bold(`${pad(header)}  Verdict`)];
  results.forEach((result, index) => {
    lines.push(`${pad(rows[index] ?? [])}  ${styleVerdict(result.verdict, s)}`);
    const indent = ' '.repeat((widths[0] ?? 0) + 2);
    if (result.convention) lines.push(s.dim(`${indent}convention: ${result.convention}`));
    if (result.error) {
      const at = result.errorAt ? `${examPath}:${result.errorAt.line}:${result.errorAt.column} ` : '';
      lines.push(
        `${indent}${result.verdict === 'check-failed' ? s.error('error:') : s.note('note:')} ${at}${result.error}`,
      );
    }
    if (result.verdict === 'check-failed') for (const log of result.logs) lines.push(s.dim(`${indent}log: ${log}`));
  });
  return lines;
}

function styleVerdict(verdict: Verdict, s: Styles): string {
  const label = LABELS[verdict];
  if (verdict === 'agrees') return s.good(label);
  if (verdict === 'no-key') return s.dim(label);
  return s.error(label);
}

/** `✘ 2 disagree · 1 check failed · 10 agree · 3 without a key to compare (16 checks)`. */
export function renderVerifySummary(results: readonly CheckResult[], s: Styles): string {
  const count = (verdict: Verdict) => results.filter((result) => result.verdict === verdict).length;
  const parts = [
    [count('disagrees'), 'disagree'],
    [count('no-option-matches'), 'match no option'],
    [count('several-options-match'), 'match several options'],
    [count('check-failed'), 'failed'],
    [count('agrees'), 'agree'],
    [count('no-key'), 'have no key to compare'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(' · ');
  const findings = results.some((result) => FINDINGS.includes(result.verdict));
  const line = `${findings ? '✘' : '✔'} ${plural(results.length, 'check')}: ${text}`;
  return findings ? s.error(line) : s.good(line);
}
