import type { PaperBoxView } from '../api/index.js';
import type { AppContext } from '../context.js';
import { effectiveInk } from './paper-answer-boxes.js';
import { paperAnswerCropUrl, paperAnswerPageUrl } from './paper-answer-responses.js';
import type { GradingScope } from './grading-scope.js';

/**
 * The seam for handwritten answers: the question's paper answers whose box is written (by the reader, or a person's
 * override), by attempt id, with the crop the grading page shows. The queue, progress, claims, grades and results
 * take them as they take typed answers; a blank box is not graded (it scores as blank).
 */
export async function paperAnswerCrops(context: AppContext, scope: GradingScope): Promise<Map<string, PaperBoxView>> {
  const boxes = await paperBoxes(context, scope);
  return new Map([...boxes].filter(([, box]) => box.ink === 'written'));
}

/** The question's paper answers judged blank, for a grader who may say one is written. */
export async function blankPaperAnswers(context: AppContext, scope: GradingScope) {
  const boxes = await paperBoxes(context, scope);
  return [...boxes].filter(([, box]) => box.ink === 'blank').map(([attemptId, box]) => ({ attemptId, ...box }));
}

async function paperBoxes(context: AppContext, scope: GradingScope): Promise<Map<string, PaperBoxView>> {
  const sittingId = scope.sitting.id;
  const rows = await context.db
    .selectFrom('paper_answer_boxes')
    .innerJoin('attempts', 'attempts.id', 'paper_answer_boxes.attempt_id')
    .leftJoin('grades', (join) =>
      join
        .onRef('grades.attempt_id', '=', 'paper_answer_boxes.attempt_id')
        .onRef('grades.question_id', '=', 'paper_answer_boxes.question_id'),
    )
    .select(['paper_answer_boxes.attempt_id', 'paper_answer_boxes.question_id', 'ink', 'ink_share', 'confidence'])
    .select(['blank_override', 'grades.version as graded'])
    .where('attempts.sitting_id', '=', sittingId)
    .where('paper_answer_boxes.question_id', '=', scope.question.id)
    .orderBy('paper_answer_boxes.attempt_id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.attempt_id,
      {
        // A graded answer stays in the queue (and counts by its grade) even if a re-scan now reads its box blank.
        ink: row.graded === null ? effectiveInk(row) : 'written',
        detectedInk: row.ink,
        inkShare: row.ink_share,
        confidence: row.confidence,
        ...(row.blank_override !== null && { override: row.blank_override }),
        cropUrl: paperAnswerCropUrl(sittingId, row.attempt_id, row.question_id),
        pageUrl: paperAnswerPageUrl(sittingId, row.attempt_id, row.question_id),
      },
    ]),
  );
}
