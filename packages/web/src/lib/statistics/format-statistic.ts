/**
 * How the statistics page writes numbers. A statistic the analysis could not compute arrives as `null` (no spread,
 * nobody chose the option, too few students): it is written as a dash, and the page says once what a dash means.
 */
export const NOT_COMPUTED = '—';

/**
 * A statistic with a fixed number of decimals; a minus sign, not a hyphen, for negative values.
 *
 * @example
 * formatStatistic(-0.4567); // '−0.46'
 * formatStatistic(null); // '—'
 */
export function formatStatistic(value: number | null, digits = 2): string {
  if (value === null) return NOT_COMPUTED;
  const fixed = Math.abs(value).toFixed(digits);
  // −0.00 reads as a finding; a value that rounds to zero is written as zero.
  return value < 0 && Number(fixed) !== 0 ? `−${fixed}` : fixed;
}

/**
 * A share of students as a whole percentage, as core's flag reasons write it.
 *
 * @example
 * formatShare(0.6); // '60 %'
 */
export function formatShare(share: number | null): string {
  return share === null ? NOT_COMPUTED : `${Math.round(share * 100)} %`;
}

/**
 * Marks as the results page writes them: no trailing zeros.
 *
 * @example
 * formatMarks(12.5); // '12.5'
 * formatMarks(-3); // '−3'
 */
export function formatMarks(value: number | null): string {
  if (value === null) return NOT_COMPUTED;
  const text = String(Math.round(Math.abs(value) * 100) / 100);
  return value < 0 && text !== '0' ? `−${text}` : text;
}

/** "1 student" / "20 students": a count with its noun. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/**
 * Answers left out of the figures, in words: ungraded written answers and answers not read from a scan are never
 * counted as 0.
 *
 * @example
 * unavailableSentence(0); // 'Every answer of the analysed attempts is in these figures.'
 */
export function unavailableSentence(count: number): string {
  if (count === 0) return 'Every answer of the analysed attempts is in these figures.';
  const verb = count === 1 ? 'is' : 'are';
  return (
    `${countOf(count, 'answer')} ${verb} left out of these figures: written answers not graded yet, or answers ` +
    'not read from a scan. They are not counted as 0; the figures change once they are graded or read.'
  );
}

/** Open attempts are left out until they close, since half-written answers would count as wrong. */
export function openAttemptsSentence(count: number): string {
  if (count === 0) return 'No attempt is still open.';
  const verb = count === 1 ? 'is' : 'are';
  return `${countOf(count, 'attempt')} still open ${verb} left out until ${count === 1 ? 'it closes' : 'they close'}.`;
}
