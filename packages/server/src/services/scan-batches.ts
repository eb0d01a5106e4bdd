import { countScanPages, scanFileKind, ScanFileError, ScanTooLargeError } from '@examforge/omr/files';
import { ScanAnomalyViewSchema, ScanSheetViewSchema, type ScanBatch } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { ScanBatchesTable } from '../db/schema.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { recordEvent } from './audit.js';

/** The largest scan file taken in one upload: about 250 pages of a 200-dpi greyscale PDF. Split larger batches. */
export const MAX_SCAN_BYTES = 50 * 1024 * 1024;
/** A PDF with more pages than this is refused before any work starts. */
export const MAX_SCAN_PAGES = 1000;

/**
 * Stores an uploaded scan file as a queued batch for the reading job. The file's kind is read from its first bytes
 * (not its name or content type, which may lie); a PDF must open and say how many pages it has, and an image's header
 * must read, each page within the pixel limit, so a broken file or a decompression bomb is refused now (415 not a scan,
 * 422 unreadable, 413 too large) rather than failing later in the job.
 */
export async function createScanBatch(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  fileName: string,
  data: Buffer,
): Promise<ScanBatch> {
  const file = { name: fileName, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  let pages: number;
  let kind: ScanBatchesTable['file_kind'];
  try {
    kind = scanFileKind(file);
  } catch (error) {
    if (error instanceof ScanFileError) throw new HttpError(415, 'not-a-scan', error.message);
    throw error;
  }
  try {
    pages = await countScanPages(file);
  } catch (error) {
    if (error instanceof ScanTooLargeError) throw new HttpError(413, 'scan-too-large', error.message);
    if (error instanceof ScanFileError) throw new HttpError(422, 'unreadable-scan', error.message);
    // Whatever else a reader throws on these bytes, the file is at fault: say so rather than fail as our error.
    throw new HttpError(422, 'unreadable-scan', `${fileName} could not be read (${(error as Error).message})`);
  }
  if (pages === 0) throw new HttpError(422, 'empty-scan', `${fileName} has no pages`);
  if (pages > MAX_SCAN_PAGES)
    throw new HttpError(
      413,
      'scan-too-long',
      `${fileName} has ${pages} pages; split it into files of at most ${MAX_SCAN_PAGES}`,
    );
  const now = context.clock.now().toISOString();
  const id = newId();
  await context.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scan_batches')
      .values({
        id,
        sitting_id: sittingId,
        uploaded_by: user.id,
        file_name: fileName,
        file_kind: kind,
        file_size: data.byteLength,
        file_data: data,
        status: 'queued',
        pages_total: pages,
        pages_done: 0,
        tries: 0,
        error: null,
        anomalies_json: '[]',
        sheets_json: '[]',
        lease_until: null,
        created_at: now,
        started_at: null,
        finished_at: null,
      })
      .execute();
    await recordEvent(
      trx,
      context.clock.now(),
      { kind: 'user', id: user.id },
      'scan.uploaded',
      `sitting:${sittingId}`,
      {
        batchId: id,
        fileName,
        kind,
        pages,
        bytes: data.byteLength,
      },
    );
  });
  return getScanBatch(context, sittingId, id);
}

const BATCH_COLUMNS = [
  'id',
  'sitting_id',
  'file_name',
  'status',
  'pages_total',
  'pages_done',
  'error',
  'anomalies_json',
  'sheets_json',
  'created_at',
  'finished_at',
] as const;

export async function listScanBatches(context: AppContext, sittingId: string): Promise<ScanBatch[]> {
  const rows = await context.db
    .selectFrom('scan_batches')
    .select(BATCH_COLUMNS)
    .where('sitting_id', '=', sittingId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(presentScanBatch);
}

export async function getScanBatch(context: AppContext, sittingId: string, batchId: string): Promise<ScanBatch> {
  const row = await context.db
    .selectFrom('scan_batches')
    .select(BATCH_COLUMNS)
    .where('id', '=', batchId)
    .where('sitting_id', '=', sittingId)
    .executeTakeFirst();
  if (!row) throw notFound('scan batch');
  return presentScanBatch(row);
}

/** A failed batch goes back to the queue, from its first page (reading is deterministic; pages read are kept). */
export async function retryScanBatch(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  batchId: string,
): Promise<ScanBatch> {
  const batch = await getScanBatch(context, sittingId, batchId);
  if (batch.status !== 'failed')
    throw conflict('not-failed', `this batch is ${batch.status}; only a failed batch is retried`);
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('scan_batches')
      .set({ status: 'queued', error: null, lease_until: null })
      .where('id', '=', batchId)
      .execute();
    await recordEvent(trx, context.clock.now(), { kind: 'user', id: user.id }, 'scan.retried', `sitting:${sittingId}`, {
      batchId,
    });
  });
  return getScanBatch(context, sittingId, batchId);
}

function presentScanBatch(row: Pick<ScanBatchesTable, (typeof BATCH_COLUMNS)[number]>): ScanBatch {
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    pagesTotal: row.pages_total,
    pagesDone: row.pages_done,
    ...(row.error !== null && { error: row.error }),
    anomalies: ScanAnomalyViewSchema.array().parse(JSON.parse(row.anomalies_json)),
    sheets: ScanSheetViewSchema.array().parse(JSON.parse(row.sheets_json)),
    createdAt: row.created_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
  };
}
