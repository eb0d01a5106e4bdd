import type { Question } from '@examforge/core';
import type { AppContext } from '../context.js';
import type { GradesTable } from '../db/schema.js';
import type { GradeFeedbackView } from '../api/index.js';
import { readGrade } from './grades.js';

export type GradeFeedback = Pick<GradesTable, 'items_json' | 'adjustment' | 'adjustment_reason' | 'comment'>;

/** The grades of one attempt's written answers, by question: what its results show beside each answer. */
export async function gradeFeedback(context: AppContext, attemptId: string): Promise<Map<string, GradeFeedback>> {
  const rows = await context.db
    .selectFrom('grades')
    .select(['question_id', 'items_json', 'adjustment', 'adjustment_reason', 'comment'])
    .where('attempt_id', '=', attemptId)
    .execute();
  return new Map(rows.map(({ question_id, ...grade }) => [question_id, grade]));
}

/** The items applied (with their current text and points), the adjustment with its reason, and the comment. */
export function presentFeedback(
  question: Question | undefined,
  feedback: GradeFeedback | undefined,
): GradeFeedbackView {
  const grade = feedback && readGrade(feedback);
  const rubric = question?.kind === 'free' ? question.rubric : [];
  const applied = grade?.kind === 'rubric' ? rubric.filter((item) => grade.items.includes(item.id)) : [];
  return {
    items: applied.map((item) => ({ id: item.id, points: item.points.toString(), text: item.text })),
    ...(feedback?.adjustment != null && { adjustment: feedback.adjustment }),
    ...(feedback?.adjustment_reason != null && { adjustmentReason: feedback.adjustment_reason }),
    ...(feedback?.comment != null && { comment: feedback.comment }),
  };
}
