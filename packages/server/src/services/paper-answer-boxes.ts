import { MISSING } from '@examforge/core';
import type { SheetAnswerBox } from '@examforge/omr';
import type { Kysely } from 'kysely';
import type { Database, PaperAnswerBoxesTable } from '../db/schema.js';
import { recordAnswerNotRead } from './answers.js';

/** A sheet's free-response boxes as a batch read them: each box with its crop, and those on pages it lacks. */
export interface SheetBoxes {
  readonly read: readonly (SheetAnswerBox & { readonly jpeg: Buffer })[];
  /** Questions whose box is on a page of the sheet missing from the batch. */
  readonly notRead: readonly string[];
}

/** What the box says, a person's override first: written boxes are graded, blank ones score as blank. */
export function effectiveInk(box: Pick<PaperAnswerBoxesTable, 'ink' | 'blank_override'>): 'blank' | 'written' {
  return box.blank_override ?? box.ink;
}

/**
 * Stores a sheet's boxes with its attempt, inside the sheet's transaction. A box scanned again replaces the crop and
 * the reader's verdict but keeps a person's override, as a review decision outlives a re-scan. A box on a page the
 * batch lacks is not read (`missing`, never blank) unless an earlier scan stored it. Returns each box's verdict, for
 * the audit event.
 */
export async function storeSheetBoxes(
  trx: Kysely<Database>,
  attemptId: string,
  batchId: string,
  boxes: SheetBoxes,
  savedAt: string,
): Promise<Record<string, 'blank' | 'written' | 'not read'>> {
  const verdicts: Record<string, 'blank' | 'written' | 'not read'> = {};
  for (const box of boxes.read) {
    const reading = {
      image_jpeg: box.jpeg,
      ink: box.ink,
      ink_share: box.inkShare,
      confidence: box.confidence,
      batch_id: batchId,
      scan_page: box.scanPage,
    };
    await trx
      .insertInto('paper_answer_boxes')
      .values({
        ...reading,
        attempt_id: attemptId,
        question_id: box.questionId,
        blank_override: null,
        overridden_by: null,
        overridden_at: null,
      })
      .onConflict((c) => c.columns(['attempt_id', 'question_id']).doUpdateSet(reading))
      .execute();
    // An earlier batch without this page recorded it as not read; the box now says what it holds.
    await trx
      .deleteFrom('answers')
      .where('attempt_id', '=', attemptId)
      .where('question_id', '=', box.questionId)
      .where('answer_json', '=', JSON.stringify(MISSING))
      .execute();
    verdicts[box.questionId] = box.ink;
  }
  const stored = await storedBoxes(trx, attemptId, boxes.notRead);
  for (const questionId of boxes.notRead.filter((id) => !stored.has(id))) {
    await recordAnswerNotRead(trx, attemptId, questionId, savedAt);
    verdicts[questionId] = 'not read';
  }
  return verdicts;
}

async function storedBoxes(trx: Kysely<Database>, attemptId: string, questionIds: readonly string[]) {
  if (questionIds.length === 0) return new Set<string>();
  const rows = await trx
    .selectFrom('paper_answer_boxes')
    .select('question_id')
    .where('attempt_id', '=', attemptId)
    .where('question_id', 'in', questionIds)
    .execute();
  return new Set(rows.map((row) => row.question_id));
}
