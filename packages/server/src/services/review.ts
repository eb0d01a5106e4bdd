import { findQuestion, listQuestions, type Exam } from '@examforge/core';
import type { Kysely } from 'kysely';
import {
  RecordedAnswerSchema,
  ReviewBubbleSchema,
  type RecordedAnswer,
  type ReviewBubble,
  type ReviewDecision,
  type ReviewItem,
} from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { Database, ReviewItemsTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { badRequest } from './access.js';
import { writeRecordedAnswer } from './answers.js';
import { recordEvent } from './audit.js';
import { loadExamVersion } from './exams.js';
import { findSittingRow } from './sittings.js';

type ReviewRow = ReviewItemsTable & { student_number: string; student_name: string; decider: string | null };

function reviewQuery(db: Kysely<Database>, sittingId: string) {
  return db
    .selectFrom('review_items')
    .innerJoin('roster', 'roster.id', 'review_items.roster_id')
    .leftJoin('users', 'users.id', 'review_items.decided_by')
    .selectAll('review_items')
    .select(['roster.student_number as student_number', 'roster.name as student_name', 'users.name as decider'])
    .where('review_items.sitting_id', '=', sittingId);
}

/**
 * The review queue of a sitting: by student, then in the order the questions are printed on their sheet. Open items
 * only, or every item with its decision.
 */
export async function listReviewItems(
  context: AppContext,
  sittingId: string,
  status: 'open' | 'all',
): Promise<ReviewItem[]> {
  const exam = await sittingExam(context, sittingId);
  let query = reviewQuery(context.db, sittingId);
  if (status === 'open') query = query.where('review_items.status', '=', 'open');
  const rows = await query.execute();
  const printed = (row: ReviewRow) => Number.parseInt(row.printed_number, 10) || 0;
  rows.sort(
    (a, b) => a.student_number.localeCompare(b.student_number) || a.scan_page - b.scan_page || printed(a) - printed(b),
  );
  return rows.map((row) => presentReviewItem(exam, row));
}

async function sittingExam(context: AppContext, sittingId: string): Promise<Exam> {
  return loadExamVersion(context, (await findSittingRow(context, sittingId)).exam_version_id);
}

async function getReviewRow(db: Kysely<Database>, sittingId: string, itemId: string): Promise<ReviewRow> {
  const row = await reviewQuery(db, sittingId).where('review_items.id', '=', itemId).executeTakeFirst();
  if (!row) throw notFound('review item');
  return row;
}

export async function reviewCrop(context: AppContext, sittingId: string, itemId: string): Promise<Buffer> {
  const row = await getReviewRow(context.db, sittingId, itemId);
  if (!row.crop_png) throw notFound('crop of this review item');
  return row.crop_png;
}

/**
 * Records a person's decision on a review item and writes it as the student's answer, with an audit event naming
 * the reading, the previous answer and the decision, all in one transaction. The decision always wins: a later scan
 * of the same sheet does not overwrite it. Deciding again replaces the decision and is audited again.
 */
export async function decideReviewItem(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  itemId: string,
  decision: ReviewDecision,
): Promise<ReviewItem> {
  const row = await getReviewRow(context.db, sittingId, itemId);
  const bubbles = readBubbles(row);
  const answer = decidedAnswer(decision, bubbles);
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('answers')
      .select('answer_json')
      .where('attempt_id', '=', row.attempt_id)
      .where('question_id', '=', row.question_id)
      .executeTakeFirst();
    await trx
      .updateTable('review_items')
      .set({
        status: 'decided',
        decision_json: JSON.stringify(answer),
        decided_by: user.id,
        decided_at: now.toISOString(),
      })
      .where('id', '=', itemId)
      .execute();
    await writeRecordedAnswer(trx, row.attempt_id, row.question_id, answer, now.toISOString());
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'review.decided', `attempt:${row.attempt_id}`, {
      reviewItem: itemId,
      questionId: row.question_id,
      decision,
      answer,
      previous: previous ? (JSON.parse(previous.answer_json) as unknown) : null,
      proposed: JSON.parse(row.proposed_json) as unknown,
      ...(row.decision_json !== null && { replacesDecision: JSON.parse(row.decision_json) as unknown }),
    });
  });
  return presentReviewItem(await sittingExam(context, sittingId), await getReviewRow(context.db, sittingId, itemId));
}

function readBubbles(row: Pick<ReviewItemsTable, 'bubbles_json'>): ReviewBubble[] {
  return ReviewBubbleSchema.array().parse(JSON.parse(row.bubbles_json));
}

/** What a decision records: the reading with every bubble taken as classified, a chosen set of options, or blank. */
function decidedAnswer(decision: ReviewDecision, bubbles: readonly ReviewBubble[]): RecordedAnswer {
  switch (decision.kind) {
    case 'accept':
      return confirmedReading(bubbles);
    case 'blank':
      return { kind: 'blank' };
    case 'choice': {
      const options = new Set(bubbles.map((bubble) => bubble.option));
      const outside = decision.selected.find((letter) => !options.has(letter));
      if (outside) throw badRequest('unknown-option', `this question has no option (${outside})`);
      return { kind: 'choice', selected: [...new Set(decision.selected)].sort() };
    }
  }
}

/**
 * The reading as a person who accepts it means it: each bubble is what the classifier says, however unsure — a fill
 * is an answer; a partial fill, tick or cross is an invalid mark (scored by the exam's policy); empty is nothing.
 */
export function confirmedReading(bubbles: readonly ReviewBubble[]): RecordedAnswer {
  const selected = bubbles.filter((bubble) => bubble.kind === 'filled').map((bubble) => bubble.option);
  const invalidMarks = bubbles.flatMap((bubble) =>
    bubble.kind === 'partial' || bubble.kind === 'tick' || bubble.kind === 'cross'
      ? [{ option: bubble.option, mark: bubble.kind }]
      : [],
  );
  if (selected.length === 0 && invalidMarks.length === 0) return { kind: 'blank' };
  return { kind: 'choice', selected: selected.sort(), ...(invalidMarks.length > 0 && { invalidMarks }) };
}

function presentReviewItem(exam: Exam, row: ReviewRow): ReviewItem {
  const bubbles = readBubbles(row);
  const question = findQuestion(exam, row.question_id)?.question;
  const number = listQuestions(exam).find((entry) => entry.question.id === row.question_id)?.number ?? 0;
  return {
    id: row.id,
    batchId: row.batch_id,
    attemptId: row.attempt_id,
    studentNumber: row.student_number,
    studentName: row.student_name,
    questionId: row.question_id,
    questionNumber: number,
    printedNumber: row.printed_number,
    questionKind: question?.kind === 'multiple' ? 'multiple' : 'single',
    scanPage: row.scan_page,
    reasons: JSON.parse(row.reasons_json) as string[],
    bubbles,
    proposed: RecordedAnswerSchema.parse(JSON.parse(row.proposed_json)),
    reading: confirmedReading(bubbles),
    status: row.status,
    ...(row.decision_json !== null && { decision: RecordedAnswerSchema.parse(JSON.parse(row.decision_json)) }),
    ...(row.decider !== null && { decidedBy: row.decider }),
    ...(row.decided_at !== null && { decidedAt: row.decided_at }),
  };
}
