import { assembleScan, type GreyImage, type PageResult } from '@examforge/omr';
import {
  countScanPages,
  encodeJpeg,
  encodePng,
  ScanFileError,
  type PageReaders,
  type ScanFile,
} from '@examforge/omr/files';
import type { AppContext } from '../context.js';
import { claimLeased, leaseFromNow } from '../jobs/claim-leased.js';
import type { ScanBatchesTable } from '../db/schema.js';
import { recordEvent, SYSTEM } from './audit.js';
import { attachSheets, type AttachOutcome } from './paper-sheets.js';
import { sittingScanContext, sittingScanSpec } from './paper-layouts.js';
import { describeScanAnomaly } from './scan-anomalies.js';
import { lendScanReaders } from './scan-readers.js';
import { clearStagedBoxCrops, encodeBoxCrops, sheetBoxLookup, stageBoxCrops } from './scan-box-crops.js';
import { loadExamVersion } from './exams.js';
import { findSittingRow } from './sittings.js';

/** Takes the oldest queued batch, or one whose node died, and marks it running (see `claimLeased`). */
export const claimScanBatch = (context: AppContext): Promise<string | undefined> =>
  claimLeased(context, 'scan_batches');

export interface ReadBatchOptions {
  /** Asked between pages; when true the job stops and leaves the batch to be taken up again after its lease. */
  readonly shouldStop?: () => boolean;
}

/**
 * Reads a claimed batch page by page, storing each page's reading (and the upright image, for annotated sheets) and
 * the progress as it goes; pages stored by an earlier, interrupted run are not read again. Then the sheets are put
 * together and attached to the roster's students. A file that cannot be read fails the batch with its message.
 */
export async function readScanBatch(
  context: AppContext,
  batchId: string,
  options: ReadBatchOptions = {},
): Promise<'done' | 'failed' | 'stopped'> {
  const batch = await context.db
    .selectFrom('scan_batches')
    .selectAll()
    .where('id', '=', batchId)
    .executeTakeFirstOrThrow();
  try {
    const finished = await readPages(context, batch, options);
    if (!finished) return 'stopped';
    await finishBatch(context, batch);
    return 'done';
  } catch (error) {
    await failBatch(context, batch, error);
    return 'failed';
  }
}

async function readPages(context: AppContext, batch: ScanBatchesTable, options: ReadBatchOptions): Promise<boolean> {
  const sitting = await findSittingRow(context, batch.sitting_id);
  const stored = new Set(
    (await context.db.selectFrom('scan_pages').select('scan_page').where('batch_id', '=', batch.id).execute()).map(
      (row) => row.scan_page,
    ),
  );
  const file = { name: batch.file_name, data: new Uint8Array(batch.file_data) };
  const pageCount = await countScanPages(file);
  // One worker thread decodes and reads (the request thread stays free), kept for the sitting's next batch.
  const lent = lendScanReaders(await sittingScanSpec(context, sitting));
  let failed = true;
  try {
    const finished = await readEachPage(context, batch.id, { file, pageCount, stored }, lent.readers, options);
    failed = false;
    return finished;
  } finally {
    lent.readers.forget(file);
    await lent.giveBack(failed);
  }
}

/** Reads and stores the pages not stored yet, recording progress after each; false when told to stop. */
async function readEachPage(
  context: AppContext,
  batchId: string,
  scan: { readonly file: ScanFile; readonly pageCount: number; readonly stored: ReadonlySet<number> },
  readers: PageReaders,
  options: ReadBatchOptions,
): Promise<boolean> {
  for (let scanPage = 1; scanPage <= scan.pageCount; scanPage += 1) {
    if (!scan.stored.has(scanPage)) {
      const { result, image } = await readers.read(scan.file, scanPage - 1);
      await storePage(context, batchId, scanPage, result, image);
    }
    await context.db
      .updateTable('scan_batches')
      .set({
        pages_done: scanPage,
        lease_until: leaseFromNow(context),
      })
      .where('id', '=', batchId)
      .execute();
    if (options.shouldStop?.()) return false;
  }
  return true;
}

/**
 * Stores one page's reading, with the upright page as JPEG for a page read (annotated sheets, and the whole page
 * beside a box crop) and the page as scanned for a page that could not be read at all (a person must see it to learn
 * whose page it is). Review crops of question rows go in `crops_json` as PNG; answer-box crops, megapixels each, wait
 * as JPEG for their sheet to be attached (scan-box-crops.ts).
 */
async function storePage(
  context: AppContext,
  batchId: string,
  scanPage: number,
  result: PageResult,
  scanned: GreyImage | undefined,
): Promise<void> {
  let image: Buffer | null = result.kind === 'unknown' && scanned ? await encodeJpeg(scanned, 75) : null;
  const crops: Record<string, string> = {};
  const boxCrops = new Map<string, GreyImage>();
  let stored: unknown = result;
  if (result.kind === 'read') {
    const { image: upright, crops: greyCrops, ...reading } = result;
    if (upright) image = await encodeJpeg(upright, 75);
    const boxes = new Set((result.answerBoxes ?? []).map((box) => box.questionId));
    for (const [questionId, crop] of Object.entries(greyCrops)) {
      if (boxes.has(questionId)) boxCrops.set(questionId, crop);
      else crops[questionId] = (await encodePng(crop)).toString('base64');
    }
    stored = reading;
  }
  const boxJpegs = await encodeBoxCrops(boxCrops);
  await context.db.transaction().execute(async (trx) => {
    await stageBoxCrops(trx, batchId, scanPage, boxJpegs);
    await trx
      .insertInto('scan_pages')
      .values({
        batch_id: batchId,
        scan_page: scanPage,
        result_json: JSON.stringify(stored),
        image_jpeg: image,
        crops_json: JSON.stringify(crops),
      })
      .onConflict((c) => c.columns(['batch_id', 'scan_page']).doNothing())
      .execute();
  });
}

/** The page encoder draws an overlay; an empty one stores the page as it is. */
async function finishBatch(context: AppContext, batch: ScanBatchesTable): Promise<void> {
  const sitting = await findSittingRow(context, batch.sitting_id);
  const { layoutFor } = await sittingScanContext(context, sitting);
  const rows = await context.db
    .selectFrom('scan_pages')
    .select(['scan_page', 'result_json', 'crops_json'])
    .where('batch_id', '=', batch.id)
    .orderBy('scan_page')
    .execute();
  // Written by storePage above from the reader's own result, so read back as it was written.
  const pages = rows.map((row) => ({ crops: {}, ...(JSON.parse(row.result_json) as object) }) as PageResult);
  const crops = new Map(rows.map((row) => [row.scan_page, JSON.parse(row.crops_json) as Record<string, string>]));
  const result = assembleScan(pages, layoutFor);
  const now = context.clock.now();
  const attached = await attachSheets(
    context.db,
    sitting,
    await loadExamVersion(context, sitting.exam_version_id),
    batch.id,
    result,
    (scanPage, questionId) => {
      const png = crops.get(scanPage)?.[questionId];
      return png === undefined ? undefined : Buffer.from(png, 'base64');
    },
    now,
    sheetBoxLookup(context, batch.id, pages, layoutFor),
  );
  await completeBatch(context, batch, {
    sheets: attached.sheets,
    anomalies: [...result.anomalies.map(describeScanAnomaly), ...attached.anomalies],
  });
}

async function completeBatch(context: AppContext, batch: ScanBatchesTable, outcome: AttachOutcome): Promise<void> {
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('scan_batches')
      .set({
        status: 'done',
        pages_done: batch.pages_total,
        anomalies_json: JSON.stringify(outcome.anomalies),
        sheets_json: JSON.stringify(outcome.sheets),
        lease_until: null,
        finished_at: now.toISOString(),
      })
      .where('id', '=', batch.id)
      .execute();
    await clearStagedBoxCrops(trx, batch.id);
    await recordEvent(trx, now, SYSTEM, 'scan.read', `sitting:${batch.sitting_id}`, {
      batchId: batch.id,
      sheets: outcome.sheets.length,
      attached: outcome.sheets.filter((sheet) => sheet.attached).length,
      anomalies: outcome.anomalies.map((anomaly) => anomaly.kind),
    });
  });
}

async function failBatch(context: AppContext, batch: ScanBatchesTable, error: unknown): Promise<void> {
  const message =
    error instanceof ScanFileError ? error.message : `the scan could not be read: ${(error as Error).message}`;
  await context.db
    .updateTable('scan_batches')
    .set({ status: 'failed', error: message, lease_until: null, finished_at: context.clock.now().toISOString() })
    .where('id', '=', batch.id)
    .execute();
  if (!(error instanceof ScanFileError)) throw error;
}
