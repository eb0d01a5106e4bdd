import type { Answer } from '@examforge/server/api';

/** What a numeric field's text means: an answer to save, or text that is not a number yet. */
export type NumericReading = { readonly kind: 'answer'; readonly answer: Answer } | { readonly kind: 'invalid' };

const NUMBER_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A numeric field's text as an answer: blank when emptied, a number when it is one (a typographic minus is read as a
 * minus), and invalid otherwise — "1e" or "2..5" is never saved as something the student did not mean.
 *
 * @example
 * readNumericText(' -0.25 '); // { kind: 'answer', answer: { kind: 'numeric', value: -0.25 } }
 * readNumericText(''); // { kind: 'answer', answer: { kind: 'blank' } }
 */
export function readNumericText(text: string): NumericReading {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (trimmed === '') return { kind: 'answer', answer: { kind: 'blank' } };
  if (!NUMBER_PATTERN.test(trimmed)) return { kind: 'invalid' };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { kind: 'answer', answer: { kind: 'numeric', value } } : { kind: 'invalid' };
}

/** The text a numeric field shows for a saved answer. */
export function numericText(answer: Answer): string {
  return answer.kind === 'numeric' ? String(answer.value) : '';
}

/** A free-response field's text as an answer: blank when there is nothing but whitespace. */
export function textAnswer(text: string): Answer {
  return text.trim() === '' ? { kind: 'blank' } : { kind: 'text', text };
}

export function answerText(answer: Answer): string {
  return answer.kind === 'text' ? answer.text : '';
}

/** The canonical letters an answer selects. */
export function selectedLetters(answer: Answer): readonly string[] {
  return answer.kind === 'choice' ? answer.selected : [];
}

/**
 * A multiple-choice answer with one option ticked or unticked; letters stay sorted, and none left is blank.
 *
 * @example
 * toggleLetter({ kind: 'choice', selected: ['c'] }, 'a', true); // { kind: 'choice', selected: ['a', 'c'] }
 */
export function toggleLetter(answer: Answer, letter: string, checked: boolean): Answer {
  const others = selectedLetters(answer).filter((selected) => selected !== letter);
  const selected = checked ? [...others, letter].sort() : others;
  return selected.length === 0 ? { kind: 'blank' } : { kind: 'choice', selected };
}

/** A single-choice answer. */
export function chooseLetter(letter: string): Answer {
  return { kind: 'choice', selected: [letter] };
}
