import { Rational } from '@examforge/core';
import type { GradeInput, GradeView } from '@examforge/server/api';

/** What a grader has put together for one answer before saving: items, an adjustment with its reason, a comment. */
export interface GradeDraft {
  readonly items: readonly string[];
  /** As typed: empty for none, else exact points such as `0.5`, `-1` or `1/3`. */
  readonly adjustment: string;
  readonly reason: string;
  readonly comment: string;
}

interface RubricItem {
  readonly id: string;
  readonly points: string;
}

/** The draft a saved grade starts from, or an empty one. */
export function draftOf(grade: GradeView | undefined): GradeDraft {
  return {
    items: grade?.items ?? [],
    adjustment: grade?.adjustment ?? '',
    reason: grade?.adjustmentReason ?? '',
    comment: grade?.comment ?? '',
  };
}

/** Applies the item, or takes it off when it was applied. */
export function toggleItem(draft: GradeDraft, itemId: string): GradeDraft {
  const items = draft.items.includes(itemId) ? draft.items.filter((id) => id !== itemId) : [...draft.items, itemId];
  return { ...draft, items };
}

/** Exact points as the API takes them (no exponents). */
const POINTS = /^[+-]?(\d+(\.\d+)?|\d+\/[1-9]\d*)$/;

/** The adjustment as exact points, zero when left empty, undefined when it is not a number the API takes. */
function adjustmentOf(draft: GradeDraft): Rational | undefined {
  const text = draft.adjustment.trim();
  if (text === '') return Rational.ZERO;
  return POINTS.test(text) ? Rational.parse(text) : undefined;
}

/** Why the draft cannot be saved, in words, or undefined when it can. */
export function draftProblem(draft: GradeDraft): string | undefined {
  const adjustment = adjustmentOf(draft);
  if (!adjustment) return 'The adjustment must be a number of points, such as 0.5, -1 or 1/3.';
  if (!adjustment.isZero() && draft.reason.trim() === '') return 'Say why the points are adjusted.';
  return undefined;
}

/**
 * The points the draft gives, as the server computes them: items plus adjustment added to 0 (or, under negative
 * grading, to the marks), clamped to [0, marks].
 */
export function draftPoints(
  rubric: readonly RubricItem[],
  marks: string,
  draft: GradeDraft,
  from: 'zero' | 'full' = 'zero',
): string | undefined {
  const adjustment = adjustmentOf(draft);
  if (!adjustment) return undefined;
  const applied = rubric.filter((item) => draft.items.includes(item.id)).map((item) => Rational.parse(item.points));
  const maximum = Rational.parse(marks);
  if (!maximum || applied.some((points) => points === undefined)) return undefined;
  const start = from === 'full' ? maximum : Rational.ZERO;
  const sum = Rational.sum([start, ...applied.filter((points) => points !== undefined)]);
  return sum.plus(adjustment).clamp(Rational.ZERO, maximum).toString();
}

/** The grade to send: rubric order for the items, no adjustment when zero, no empty comment. */
export function gradeInputOf(rubric: readonly RubricItem[], draft: GradeDraft): GradeInput {
  const adjustment = adjustmentOf(draft);
  const adjusted = adjustment !== undefined && !adjustment.isZero();
  const comment = draft.comment.trim();
  return {
    items: rubric.filter((item) => draft.items.includes(item.id)).map((item) => item.id),
    ...(adjusted && { adjustment: adjustment.toString(), adjustmentReason: draft.reason.trim() }),
    ...(comment !== '' && { comment }),
  };
}
