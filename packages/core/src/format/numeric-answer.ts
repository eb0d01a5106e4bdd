import type { NumericAnswer } from '../model.js';

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const ANSWER = new RegExp(String.raw`^(${NUMBER})(?:\s*(?:±|\+-|\+/-)\s*(${NUMBER})\s*(%)?)?$`);

/**
 * Reads a numeric answer: `2336`, `0.25 ± 0.01`, `0.25 ± 2%` (`+-` may stand for `±`).
 *
 * @example
 * parseNumericAnswer('0.25 ± 2%'); // { value: 0.25, tolerance: { kind: 'relative', percent: 2 } }
 */
export function parseNumericAnswer(text: string): NumericAnswer | undefined {
  const match = ANSWER.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const amount = match[2] === undefined ? 0 : Number(match[2]);
  if (!Number.isFinite(value) || !Number.isFinite(amount) || amount < 0) return undefined;
  return match[3]
    ? { value, tolerance: { kind: 'relative', percent: amount } }
    : { value, tolerance: { kind: 'absolute', amount } };
}

/** The canonical text of a numeric answer; `parseNumericAnswer` reads it back. */
export function formatNumericAnswer(answer: NumericAnswer): string {
  const { tolerance } = answer;
  if (tolerance.kind === 'relative') return `${answer.value} ± ${tolerance.percent}%`;
  return tolerance.amount === 0 ? `${answer.value}` : `${answer.value} ± ${tolerance.amount}`;
}
