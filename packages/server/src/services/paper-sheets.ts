import type { Exam } from '@examforge/core';
import type { ReadSheet, ReviewItem as ReadReviewItem, ScanResult } from '@examforge/omr';
import type { Kysely } from 'kysely';
import type { ScanAnomalyView, ScanSheetView } from '../api/index.js';
import type { Database, RosterTable, SittingsTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { recordAnswerNotRead, writeRecordedAnswer } from './answers.js';
import { generateInstances } from './attempt-exam.js';
import { storeSheetBoxes, type SheetBoxes } from './paper-answer-boxes.js';
import { recordEvent, SYSTEM } from './audit.js';
import { variantSeed } from './paper-layouts.js';

export interface AttachOutcome {
  readonly sheets: ScanSheetView[];
  readonly anomalies: ScanAnomalyView[];
}

/** Crops of the review items as PNG, by `scanPage#questionId`. */
export type CropLookup = (scanPage: number, questionId: string) => Buffer | undefined;

/** A sheet's free-response boxes with their crops (read outside the sheet's transaction). */
export type SheetBoxLookup = (sheet: ReadSheet) => Promise<SheetBoxes>;

/**
 * Turns the sheets read from a batch into attempts: one closed attempt per student (`close_reason = paper`, the
 * variant seed from the QR code), an answer per question read, `missing` for each choice question on a page the sheet
 * is missing (unless an earlier scan read it), and the uncertain readings on the review queue. A
 * sheet is attached only when its student is on the sitting's roster, its variant is the one printed for that
 * student, and the student has no online attempt; otherwise it is reported. A question a person has decided keeps the
 * decision whatever a later scan reads. Each sheet is attached in one transaction with its audit event. A new paper
 * attempt stores the student's instances of the computed questions, generated from the QR code's variant seed for
 * `exam` (the sitting's current version), so it is scored against the questions printed on that student's paper.
 * Each free-response box is stored with the attempt (`boxesOf`); a box on a page the sheet is missing is not read.
 */
export async function attachSheets(
  db: Kysely<Database>,
  sitting: SittingsTable,
  exam: Exam,
  batchId: string,
  result: ScanResult,
  crops: CropLookup,
  now: Date,
  boxesOf: SheetBoxLookup,
): Promise<AttachOutcome> {
  const roster = await db.selectFrom('roster').selectAll().where('sitting_id', '=', sitting.id).execute();
  const byNumber = new Map(roster.map((student) => [student.student_number, student]));
  const outcome: AttachOutcome = { sheets: [], anomalies: [] };
  for (const sheet of result.sheets) {
    const pages = [...sheet.pages.keys()].sort((a, b) => a - b);
    const number = sheet.identity.studentNumber;
    const refusal = await refuseSheet(db, sitting, sheet, byNumber.get(number));
    if (refusal) {
      outcome.anomalies.push(refusal);
      outcome.sheets.push({ studentNumber: number, attached: false, pages, reviewItems: 0 });
      continue;
    }
    const student = byNumber.get(number) as RosterTable;
    const review = result.review.filter((item) => item.sheet === sheet.key);
    const generated = await sheetInstances(db, exam, sheet, student);
    const boxes = await boxesOf(sheet);
    const attached = await db
      .transaction()
      .execute((trx) => attachSheet(trx, { sitting, batchId, sheet, student, review, crops, now, generated, boxes }));
    outcome.sheets.push({ studentNumber: number, attached: true, pages, ...attached });
  }
  return outcome;
}

/** Why a sheet cannot be attached, or undefined when it can. */
async function refuseSheet(
  db: Kysely<Database>,
  sitting: SittingsTable,
  sheet: ReadSheet,
  student: RosterTable | undefined,
): Promise<ScanAnomalyView | undefined> {
  const number = sheet.identity.studentNumber;
  const scanPage = Math.min(...sheet.pages.values());
  if (sheet.studentNumberFrom === 'grid') {
    return {
      kind: 'generic-sheet',
      scanPage,
      studentNumber: number,
      message: `scan page ${scanPage} is a generic sheet (no printed student); print the sitting's personalised sheets`,
    };
  }
  if (!student) {
    return {
      kind: 'unknown-student',
      scanPage,
      studentNumber: number,
      message: `the sheet of ${number} (scan page ${scanPage}) is not for a student on this sitting's roster; it was not attached`,
    };
  }
  if (sheet.identity.variant !== variantSeed(sitting.id, student.id)) {
    return {
      kind: 'variant-mismatch',
      scanPage,
      studentNumber: number,
      message: `the sheet of ${number} (scan page ${scanPage}) was not printed for this sitting; it was not attached`,
    };
  }
  const online = await db
    .selectFrom('attempts')
    .select('close_reason')
    .where('roster_id', '=', student.id)
    .executeTakeFirst();
  if (online && online.close_reason !== 'paper') {
    return {
      kind: 'answered-online',
      scanPage,
      studentNumber: number,
      message: `${number} already has an online attempt; their paper sheet (scan page ${scanPage}) was not attached`,
    };
  }
  return undefined;
}

/**
 * The instances a new paper attempt stores (none for a re-scan: the attempt keeps its own). Generated outside the
 * transaction; a generator failure attaches the sheet without them, and the attempt's first use generates them again
 * (and reports the failure then), since the sheet's reading must not be lost.
 */
async function sheetInstances(
  db: Kysely<Database>,
  exam: Exam,
  sheet: ReadSheet,
  student: RosterTable,
): Promise<string | null> {
  const existing = await db.selectFrom('attempts').select('id').where('roster_id', '=', student.id).executeTakeFirst();
  if (existing) return null;
  try {
    const [generated = null] = await generateInstances(exam, [sheet.identity.variant]);
    return generated;
  } catch {
    return null;
  }
}

interface SheetToAttach {
  readonly sitting: SittingsTable;
  readonly batchId: string;
  readonly sheet: ReadSheet;
  readonly student: RosterTable;
  readonly review: readonly ReadReviewItem[];
  readonly crops: CropLookup;
  readonly now: Date;
  readonly generated: string | null;
  readonly boxes: SheetBoxes;
}

async function attachSheet(
  trx: Kysely<Database>,
  input: SheetToAttach,
): Promise<{ attemptId: string; reviewItems: number }> {
  const { sheet, student, now } = input;
  const attemptId = await paperAttempt(trx, input);
  const decided = new Set(
    (
      await trx
        .selectFrom('review_items')
        .select('question_id')
        .where('attempt_id', '=', attemptId)
        .where('status', '=', 'decided')
        .execute()
    ).map((row) => row.question_id),
  );
  const answers = Object.entries(sheet.answers).filter(([questionId]) => !decided.has(questionId));
  const notRead = answers.filter(([, answer]) => answer.kind === 'missing').map(([questionId]) => questionId);
  const read = Object.keys(sheet.answers).filter((questionId) => !notRead.includes(questionId));
  if (read.length > 0) {
    // A new reading of these questions replaces the open items of an earlier one.
    await trx
      .deleteFrom('review_items')
      .where('attempt_id', '=', attemptId)
      .where('status', '=', 'open')
      .where('question_id', 'in', read)
      .execute();
  }
  for (const [questionId, answer] of answers) {
    if (answer.kind === 'missing') await recordAnswerNotRead(trx, attemptId, questionId, now.toISOString());
    else await writeRecordedAnswer(trx, attemptId, questionId, answer, now.toISOString());
  }
  const boxes = await storeSheetBoxes(trx, attemptId, input.batchId, input.boxes, now.toISOString());
  const items = input.review.filter((item) => !decided.has(item.questionId) && item.questionId !== 'student-number');
  for (const item of items) await insertReviewItem(trx, input, attemptId, item);
  for (const [page, scanPage] of sheet.pages) {
    await trx
      .insertInto('sheet_pages')
      .values({ attempt_id: attemptId, page, batch_id: input.batchId, scan_page: scanPage })
      .onConflict((c) =>
        c.columns(['attempt_id', 'page']).doUpdateSet({ batch_id: input.batchId, scan_page: scanPage }),
      )
      .execute();
  }
  await recordEvent(trx, now, SYSTEM, 'paper.sheet-read', `attempt:${attemptId}`, {
    batchId: input.batchId,
    studentNumber: student.student_number,
    pages: Object.fromEntries(sheet.pages),
    answers: Object.fromEntries(answers.filter(([questionId]) => !notRead.includes(questionId))),
    notRead,
    keptDecisions: [...decided],
    review: items.map((item) => item.questionId),
    boxes,
  });
  return { attemptId, reviewItems: items.length };
}

/** The student's paper attempt: the existing one (a re-scan), or a new one, closed from the start. */
async function paperAttempt(
  trx: Kysely<Database>,
  { sitting, sheet, student, now, generated }: SheetToAttach,
): Promise<string> {
  const existing = await trx.selectFrom('attempts').select('id').where('roster_id', '=', student.id).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  const at = now.toISOString();
  await trx
    .insertInto('attempts')
    .values({
      id,
      sitting_id: sitting.id,
      roster_id: student.id,
      variant_seed: sheet.identity.variant,
      started_at: at,
      deadline_at: at,
      accepts_until: at,
      closed_at: at,
      closed_recorded_at: at,
      close_reason: 'paper',
      last_seq: 0,
      last_save_at: null,
      last_seen_at: null,
      generated_json: generated,
    })
    .execute();
  return id;
}

async function insertReviewItem(
  trx: Kysely<Database>,
  { sitting, batchId, student, crops, now }: SheetToAttach,
  attemptId: string,
  item: ReadReviewItem,
): Promise<void> {
  await trx
    .insertInto('review_items')
    .values({
      id: newId(),
      sitting_id: sitting.id,
      batch_id: batchId,
      attempt_id: attemptId,
      roster_id: student.id,
      question_id: item.questionId,
      printed_number: item.printedNumber,
      scan_page: item.scanPage,
      reasons_json: JSON.stringify(item.reasons),
      bubbles_json: JSON.stringify(item.bubbles),
      proposed_json: JSON.stringify(item.proposed),
      crop_png: crops(item.scanPage, item.questionId) ?? null,
      status: 'open',
      decision_json: null,
      decided_by: null,
      decided_at: null,
      created_at: now.toISOString(),
    })
    .execute();
}
