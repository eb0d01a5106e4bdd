import type { Kysely } from 'kysely';
import type { InkOverride, PaperBoxView } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { recordEvent } from './audit.js';
import { effectiveInk } from './paper-answer-boxes.js';
import { paperAnswerCropUrl, paperAnswerPageUrl } from './paper-answer-responses.js';
import type { PaperAnswerRef } from './paper-answer-images.js';

/**
 * A person's word on whether a paper answer's box is written: a box the reader called blank that holds an answer
 * enters the grading queue, one it called written that holds none scores as blank. The override and its audit event
 * are one transaction. An answer already graded stays written: its grade would otherwise count for a blank box.
 */
export async function setPaperAnswerInk(
  context: AppContext,
  user: UserRow,
  ref: PaperAnswerRef,
  { ink }: InkOverride,
): Promise<PaperBoxView> {
  const now = context.clock.now();
  return context.db.transaction().execute(async (trx) => {
    const box = await trx
      .selectFrom('paper_answer_boxes')
      .innerJoin('attempts', 'attempts.id', 'paper_answer_boxes.attempt_id')
      .select(['ink', 'ink_share', 'confidence', 'blank_override'])
      .where('attempts.sitting_id', '=', ref.sittingId)
      .where('paper_answer_boxes.attempt_id', '=', ref.attemptId)
      .where('paper_answer_boxes.question_id', '=', ref.questionId)
      .executeTakeFirst();
    if (!box) throw notFound('paper answer');
    if (ink === 'blank' && effectiveInk(box) === 'written' && (await isGraded(trx, ref)))
      throw conflict('answer-graded', 'this answer has a grade: grade it 0 rather than calling its box blank');
    await trx
      .updateTable('paper_answer_boxes')
      .set({ blank_override: ink, overridden_by: user.id, overridden_at: now.toISOString() })
      .where('attempt_id', '=', ref.attemptId)
      .where('question_id', '=', ref.questionId)
      .execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'paper.box-ink', subjectOf(ref), {
      detected: box.ink,
      was: effectiveInk(box),
      ink,
    });
    return {
      ink,
      detectedInk: box.ink,
      inkShare: box.ink_share,
      confidence: box.confidence,
      override: ink,
      cropUrl: paperAnswerCropUrl(ref.sittingId, ref.attemptId, ref.questionId),
      pageUrl: paperAnswerPageUrl(ref.sittingId, ref.attemptId, ref.questionId),
    };
  });
}

async function isGraded(trx: Kysely<Database>, ref: PaperAnswerRef): Promise<boolean> {
  const grade = await trx
    .selectFrom('grades')
    .select('version')
    .where('attempt_id', '=', ref.attemptId)
    .where('question_id', '=', ref.questionId)
    .executeTakeFirst();
  return grade !== undefined;
}

/** The same subject as the answer's grades (`answer:<attempt>/<question>`), so one answer's history reads as one. */
function subjectOf(ref: PaperAnswerRef): string {
  return `answer:${ref.attemptId}/${ref.questionId}`;
}
