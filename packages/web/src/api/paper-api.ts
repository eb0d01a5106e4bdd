import {
  PaperJobSchema,
  ReviewItemSchema,
  ScanBatchSchema,
  type PaperJob,
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

/**
 * Asks the server to draw the sitting's question papers (each in its student's variant, with their own instances of
 * computed questions) in the background; a job already under way is returned instead of a second one.
 */
export function requestQuestionPapers(sittingId: string, pageSize: PaperJob['pageSize'] = 'A4'): Promise<PaperJob> {
  return apiRequest('POST', `${base(sittingId)}/paper/question-papers?pageSize=${pageSize}`, PaperJobSchema, {
    body: {},
  });
}

/** The sitting's question-paper jobs, newest first: the last finished one and any under way. */
export function fetchPaperJobs(sittingId: string): Promise<readonly PaperJob[]> {
  return apiRequest('GET', `${base(sittingId)}/paper/question-papers`, PaperJobSchema.array());
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
