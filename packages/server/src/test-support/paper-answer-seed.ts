import { encodeJpeg } from '@examforge/omr/files';
import type { TestWorld } from './test-app.js';
import { WRITTEN } from './grading-seed.js';

/**
 * A written box for `WRITTEN` on a seeded paper attempt (see `seedPaper`), on scan page 1 of its batch, written
 * straight into the database: for tests of who may reach a paper answer, without reading a real scan. Returns the
 * answer's URL base (`…/paper-answers/:attemptId/:questionId`).
 */
export async function seedPaperAnswerBox(
  world: Pick<TestWorld, 'context' | 'sitting'>,
  attemptId: string,
  batchId: string,
): Promise<string> {
  const crop = { width: 60, height: 40, pixels: new Uint8Array(60 * 40).fill(230) };
  await world.context.db
    .insertInto('paper_answer_boxes')
    .values({
      attempt_id: attemptId,
      question_id: WRITTEN,
      image_jpeg: await encodeJpeg(crop, 80),
      ink: 'written',
      ink_share: 0.02,
      confidence: 1,
      blank_override: null,
      overridden_by: null,
      overridden_at: null,
      batch_id: batchId,
      scan_page: 1,
    })
    .execute();
  return `/api/sittings/${world.sitting.id}/paper-answers/${attemptId}/${WRITTEN}`;
}
