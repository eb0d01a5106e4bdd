import {
  ReviewItemSchema,
  ScanBatchSchema,
  type ReviewDecision,
  type ReviewItem,
  type ScanBatch,
} from '@examforge/server/api';
import { apiRequest, apiUpload } from './http.js';

const base = (sittingId: string): string => `/api/sittings/${encodeURIComponent(sittingId)}`;

/** A plain link: the browser downloads the PDF with the session cookie. */
export function answerSheetsUrl(sittingId: string): string {
  return `${base(sittingId)}/paper/sheets.pdf`;
}

/** The sitting's question papers, each in its student's variant (their own instances of computed questions). */
export function questionPapersUrl(sittingId: string): string {
  return `${base(sittingId)}/paper/questions.pdf`;
}

export function uploadScan(sittingId: string, file: File): Promise<ScanBatch> {
  return apiUpload(`${base(sittingId)}/scans?name=${encodeURIComponent(file.name)}`, file, ScanBatchSchema);
}

export function fetchScanBatches(sittingId: string): Promise<readonly ScanBatch[]> {
  return apiRequest('GET', `${base(sittingId)}/scans`, ScanBatchSchema.array());
}

/** Every item, open and decided, so the reviewer sees what was decided as they move through the queue. */
export function fetchReviewItems(sittingId: string): Promise<readonly ReviewItem[]> {
  return apiRequest('GET', `${base(sittingId)}/review?status=all`, ReviewItemSchema.array());
}

export function decideReviewItem(sittingId: string, itemId: string, decision: ReviewDecision): Promise<ReviewItem> {
  return apiRequest('POST', `${base(sittingId)}/review/${encodeURIComponent(itemId)}`, ReviewItemSchema, {
    body: decision,
  });
}

export function reviewCropUrl(sittingId: string, itemId: string): string {
  return `${base(sittingId)}/review/${encodeURIComponent(itemId)}/crop.png`;
}

export function annotatedSheetUrl(sittingId: string, attemptId: string, page: number): string {
  return `${base(sittingId)}/attempts/${encodeURIComponent(attemptId)}/sheet/${page}`;
}
