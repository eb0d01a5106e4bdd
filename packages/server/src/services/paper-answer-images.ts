import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { forbidden, notFound, unauthorized } from '../errors.js';
import { requireSittingAccess, requireUser } from './access.js';
import { releasedAttempt } from './results.js';

/** One paper answer, named by the URL: the sitting, the attempt and the question. */
export interface PaperAnswerRef {
  readonly sittingId: string;
  readonly attemptId: string;
  readonly questionId: string;
}

/**
 * Who may see a paper answer's crop: the exam's staff, and the student who wrote it once their results are released
 * (as their annotated sheet is). Another student is refused whether or not the answer exists.
 */
export async function requireCropViewer(context: AppContext, identity: Identity, ref: PaperAnswerRef): Promise<void> {
  if (identity.kind === 'anonymous') throw unauthorized();
  if (identity.kind === 'user') {
    await requireSittingAccess(context, identity.user, ref.sittingId, 'staff');
    return;
  }
  const { attempt } = await releasedAttempt(context, identity.student);
  if (attempt.id !== ref.attemptId || attempt.sitting_id !== ref.sittingId) throw forbidden('this is not your answer');
}

/** The whole scanned page is for the exam's staff: it may show more than the student's own answer's box. */
export async function requirePageViewer(context: AppContext, identity: Identity, ref: PaperAnswerRef): Promise<void> {
  await requireSittingAccess(context, requireUser(identity), ref.sittingId, 'staff');
}

/** The box crop as stored (JPEG, upright, at the scan's resolution). */
export async function getPaperAnswerCrop(context: AppContext, ref: PaperAnswerRef): Promise<Buffer> {
  const box = await boxQuery(context, ref).select('paper_answer_boxes.image_jpeg').executeTakeFirst();
  if (!box) throw notFound('paper answer');
  return box.image_jpeg;
}

/** The whole upright page the box was scanned on (JPEG): the context a crop leaves out. */
export async function getPaperAnswerPage(context: AppContext, ref: PaperAnswerRef): Promise<Buffer> {
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
