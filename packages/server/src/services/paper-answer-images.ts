import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { forbidden, notFound, unauthorized } from '../errors.js';
import { requireSittingAccess } from './access.js';
import { releasedAttempt } from './results.js';

/** One paper answer, named by the URL: the sitting, the attempt and the question. */
export interface PaperAnswerRef {
  readonly sittingId: string;
  readonly attemptId: string;
  readonly questionId: string;
}

/**
 * A paper answer's box crop (JPEG): for the exam's staff, and for the student who wrote it once their results are
 * released (as their annotated sheet is). Another student is refused whether or not the answer exists.
 */
export async function paperAnswerCrop(context: AppContext, identity: Identity, ref: PaperAnswerRef): Promise<Buffer> {
  if (identity.kind === 'anonymous') throw unauthorized();
  if (identity.kind === 'student') {
    const { attempt } = await releasedAttempt(context, identity.student);
    if (attempt.id !== ref.attemptId || attempt.sitting_id !== ref.sittingId)
      throw forbidden('this is not your answer');
  } else {
    await requireSittingAccess(context, identity.user, ref.sittingId, 'staff');
  }
  const box = await boxQuery(context, ref).select('paper_answer_boxes.image_jpeg').executeTakeFirst();
  if (!box) throw notFound('paper answer');
  return box.image_jpeg;
}

/** The whole upright page the box was scanned on (JPEG), for the exam's staff: the context a crop leaves out. */
export async function paperAnswerPage(context: AppContext, identity: Identity, ref: PaperAnswerRef): Promise<Buffer> {
  if (identity.kind === 'anonymous') throw unauthorized();
  if (identity.kind !== 'user') throw forbidden('this is for staff; students use their exam page');
  await requireSittingAccess(context, identity.user, ref.sittingId, 'staff');
  const page = await boxQuery(context, ref)
    .innerJoin('scan_pages', (join) =>
      join
        .onRef('scan_pages.batch_id', '=', 'paper_answer_boxes.batch_id')
        .onRef('scan_pages.scan_page', '=', 'paper_answer_boxes.scan_page'),
    )
    .select('scan_pages.image_jpeg')
    .executeTakeFirst();
  if (!page?.image_jpeg) throw notFound('scanned page');
  return page.image_jpeg;
}

function boxQuery(context: AppContext, ref: PaperAnswerRef) {
  return context.db
    .selectFrom('paper_answer_boxes')
    .innerJoin('attempts', 'attempts.id', 'paper_answer_boxes.attempt_id')
    .where('attempts.sitting_id', '=', ref.sittingId)
    .where('paper_answer_boxes.attempt_id', '=', ref.attemptId)
    .where('paper_answer_boxes.question_id', '=', ref.questionId);
}
