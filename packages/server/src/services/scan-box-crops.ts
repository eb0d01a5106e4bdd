import { sheetAnswerBoxes, type GreyImage, type PageResult, type ReadSheet, type SheetKey } from '@examforge/omr';
import type { SheetLayout } from '@examforge/core';
import { encodeJpeg } from '@examforge/omr/files';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import type { SheetBoxes } from './paper-answer-boxes.js';

/** Box crops are megapixels of grainy paper: JPEG at 80 keeps pencil legible at about an eighth of PNG's size. */
const BOX_JPEG_QUALITY = 80;

/** Encodes a page's answer-box crops, before the transaction that stores them: SQLite has one writer at a time. */
export async function encodeBoxCrops(crops: ReadonlyMap<string, GreyImage>): Promise<Map<string, Buffer>> {
  const encoded = new Map<string, Buffer>();
  for (const [questionId, crop] of crops) encoded.set(questionId, await encodeJpeg(crop, BOX_JPEG_QUALITY));
  return encoded;
}

/**
 * Keeps a page's answer-box crops (JPEG) until its sheet is attached: a batch read in several runs reads each page
 * once, so the crops must outlive the run. Inside the caller's transaction, with the page's reading.
 */
export async function stageBoxCrops(
  trx: Kysely<Database>,
  batchId: string,
  scanPage: number,
  jpegs: ReadonlyMap<string, Buffer>,
): Promise<void> {
  for (const [questionId, jpeg] of jpegs) {
    await trx
      .insertInto('scan_box_crops')
      .values({ batch_id: batchId, scan_page: scanPage, question_id: questionId, image_jpeg: jpeg })
      .onConflict((c) => c.columns(['batch_id', 'scan_page', 'question_id']).doNothing())
      .execute();
  }
}

/** Once the batch's sheets are attached, their boxes live with the attempts; a sheet not attached is scanned again. */
export async function clearStagedBoxCrops(trx: Kysely<Database>, batchId: string): Promise<void> {
  await trx.deleteFrom('scan_box_crops').where('batch_id', '=', batchId).execute();
}

/**
 * What a sheet's free-response boxes became: each box read (with its crop) and the boxes on pages the sheet is
 * missing from the batch, by the layout printed for it. Read one sheet at a time, so a batch's crops are never all in
 * memory at once.
 */
export function sheetBoxLookup(
  context: AppContext,
  batchId: string,
  pages: readonly PageResult[],
  layoutFor: (sheet: SheetKey) => SheetLayout | undefined,
): (sheet: ReadSheet) => Promise<SheetBoxes> {
  return async (sheet) => {
    const boxes = sheetAnswerBoxes(sheet, pages);
    const scanPages = [...new Set(boxes.map((box) => box.scanPage))];
    const rows =
      scanPages.length === 0
        ? []
        : await context.db
            .selectFrom('scan_box_crops')
            .selectAll()
            .where('batch_id', '=', batchId)
            .where('scan_page', 'in', scanPages)
            .execute();
    const jpegOf = new Map(rows.map((row) => [`${row.scan_page}#${row.question_id}`, row.image_jpeg]));
    const read = boxes.flatMap((box) => {
      const jpeg = jpegOf.get(`${box.scanPage}#${box.questionId}`);
      return jpeg ? [{ ...box, jpeg: Buffer.from(jpeg) }] : [];
    });
    const notRead = (layoutFor(sheet.identity)?.pages ?? [])
      .filter((page) => !sheet.pages.has(page.number))
      .flatMap((page) => page.boxes.map((box) => box.questionId));
    return { read, notRead };
  };
}
