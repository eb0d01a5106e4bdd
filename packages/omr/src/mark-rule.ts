import type { ChoiceQuestion, InvalidMark, InvalidMarkKind, Response } from '@examforge/core';
import type { MarkReading } from './classify-mark.js';

/** Below this confidence a reading is not used: the bubble goes to a person, and until then counts as `unclear`. */
export const REVIEW_BELOW = 0.5;

/** Why a question's reading needs a person's look. */
export type ReviewReason = 'low-confidence' | 'several-fills' | 'possible-erasure';

/** One bubble as read: which option it stands for (canonical), the letter printed beside it, and what is in it. */
export interface BubbleReading {
  readonly option: string;
  readonly label: string;
  /** Centre and radius in pixels on the upright page image. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly reading: MarkReading;
}

export interface RuledAnswer {
  readonly response: Response;
  /** Empty when the reading can be used as it is. */
  readonly review: readonly ReviewReason[];
}

/**
 * The source exam's rule applied to one question's bubbles: only a complete fill is an answer. Partial fills, ticks
 * and crosses are recorded as what they are (scored by the exam's invalid-mark policy, never as answers); a bubble
 * read without confidence is recorded as `unclear` and sent to review, as are two fills on a single-choice question
 * and a mark beside what may be an erased one. Nothing is guessed.
 *
 * @example
 * const { response, review } = applyMarkRule(question, bubbles);
 */
export function applyMarkRule(question: ChoiceQuestion, bubbles: readonly BubbleReading[]): RuledAnswer {
  const selected: string[] = [];
  const invalidMarks: InvalidMark[] = [];
  const review = new Set<ReviewReason>();
  for (const { option, reading } of bubbles) {
    if (reading.confidence < REVIEW_BELOW) {
      review.add('low-confidence');
      invalidMarks.push({ option, mark: 'unclear' });
    } else if (reading.kind === 'filled') selected.push(option);
    else if (reading.kind !== 'empty') invalidMarks.push({ option, mark: reading.kind satisfies InvalidMarkKind });
  }
  if (question.kind === 'single' && selected.length > 1) review.add('several-fills');
  const marked = selected.length + invalidMarks.length > 0;
  if (marked && bubbles.some(({ reading }) => reading.possibleErasure)) review.add('possible-erasure');
  return { response: responseOf(selected, invalidMarks), review: [...review] };
}

function responseOf(selected: readonly string[], invalidMarks: readonly InvalidMark[]): Response {
  if (selected.length === 0 && invalidMarks.length === 0) return { kind: 'blank' };
  const sorted = [...selected].sort();
  return invalidMarks.length > 0
    ? { kind: 'choice', selected: sorted, invalidMarks }
    : { kind: 'choice', selected: sorted };
}
