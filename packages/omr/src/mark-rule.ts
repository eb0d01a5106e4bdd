import type { ChoiceQuestion, InvalidMark, InvalidMarkKind, Response } from '@examforge/core';
import type { MarkKind, MarkReading } from './classify-mark.js';

/**
 * Below this confidence that a bubble is (or is not) a complete fill, the reading is not used: the bubble goes to a
 * person, and until then counts as `unclear`. Doubt only between marks that are not answers (tick or cross) is not
 * worth a person's time: the mark is recorded as read.
 */
export const REVIEW_BELOW = 0.5;

/**
 * Why a question's reading needs a person's look. (`possible-erasure` was given by earlier readers to a mark beside
 * a faint smudge; erasure residue is now read as noise, so it is only found on stored reviews.)
 */
export type ReviewReason = 'low-confidence' | 'several-fills' | 'possible-erasure';

/**
 * Marks that are not answers. A dot where the pen was set down and the residue of an erased fill are noise, never
 * marks, like an empty bubble.
 */
const isInvalidMark = (kind: MarkKind): kind is InvalidMarkKind & MarkKind =>
  kind === 'partial' || kind === 'tick' || kind === 'cross';

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
 * and crosses are recorded as what they are (scored by the exam's invalid-mark policy, never as answers); dots and
 * erasure residue are noise and leave the response untouched (they stay on the bubbles' readings, for the annotated
 * sheet); a bubble read without confidence is recorded as `unclear` and sent to review, as are two fills on a
 * single-choice question. Nothing is guessed.
 *
 * @example
 * const { response, review } = applyMarkRule(question, bubbles);
 */
export function applyMarkRule(question: ChoiceQuestion, bubbles: readonly BubbleReading[]): RuledAnswer {
  const selected: string[] = [];
  const invalidMarks: InvalidMark[] = [];
  const review = new Set<ReviewReason>();
  for (const { option, reading } of bubbles) {
    if (reading.fillConfidence < REVIEW_BELOW) {
      review.add('low-confidence');
      invalidMarks.push({ option, mark: 'unclear' });
    } else if (reading.kind === 'filled') selected.push(option);
    else if (isInvalidMark(reading.kind)) invalidMarks.push({ option, mark: reading.kind });
  }
  if (question.kind === 'single' && selected.length > 1) review.add('several-fills');
  return { response: responseOf(selected, invalidMarks), review: [...review] };
}

function responseOf(selected: readonly string[], invalidMarks: readonly InvalidMark[]): Response {
  if (selected.length === 0 && invalidMarks.length === 0) return { kind: 'blank' };
  const sorted = [...selected].sort();
  return invalidMarks.length > 0
    ? { kind: 'choice', selected: sorted, invalidMarks }
    : { kind: 'choice', selected: sorted };
}
