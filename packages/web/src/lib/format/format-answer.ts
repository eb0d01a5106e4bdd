import type { Answer } from '@examforge/server/api';

/**
 * A canonical option letter as printed on the paper: `b` → `(b)`.
 *
 * @example formatLetters(['a', 'c']); // '(a), (c)'
 */
export function formatLetters(letters: readonly string[]): string {
  return letters.map((letter) => `(${letter})`).join(', ');
}

/** An answer in one line, for tables; text answers are shown by the caller in full. */
export function formatAnswer(answer: Answer | undefined): string {
  if (answer === undefined) return '—';
  switch (answer.kind) {
    case 'blank':
      return '—';
    case 'choice':
      return answer.selected.length === 0 ? '—' : formatLetters(answer.selected);
    case 'numeric':
      return String(answer.value);
    case 'text':
      return answer.text;
  }
}

/**
 * A question's scoring status in words for a badge: core's statuses as they are, but `missing` (an answer not read
 * from the scan) as "not read", so it is never taken for a blank.
 *
 * @example formatStatus('missing'); // 'not read'
 */
export function formatStatus(status: string): string {
  return status === 'missing' ? 'not read' : status;
}

/** A time multiplier as extra time: `1.25` → `+25 %`, `1` → `—`. */
export function formatExtraTime(multiplier: number): string {
  if (multiplier === 1) return '—';
  return `+${Math.round((multiplier - 1) * 100)} %`;
}

/** Marks as the exam states them: `0.5 marks`, `1 mark`. */
export function formatMarks(marks: string): string {
  return `${marks} mark${marks === '1' ? '' : 's'}`;
}

/**
 * The label an option shows at this position on the student's screen: `(a)` for the first. Answers are stored by
 * canonical letter; with shuffled options the two differ, and the student must only ever see positions.
 */
export function positionLabel(index: number): string {
  return `(${String.fromCharCode(97 + index)})`;
}
