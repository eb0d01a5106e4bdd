import type { StudentExamView } from '@examforge/core';
import {
  ExamDetailSchema,
  ExamExportReportSchema,
  ExamSummarySchema,
  SittingSchema,
  type CreateSitting,
  type ExamDetail,
  type ExamExportFormat,
  type ExamExportReport,
  type ExamSummary,
  type Sitting,
  type VerifyReport,
  VerifyReportSchema,
} from '@examforge/server/api';
import { readExamView } from '../lib/exam-view/read-exam-view.js';
import { apiRequest, type ReplyParser } from './http.js';

export type Diagnostic = ExamDetail['diagnostics'][number];

export function listExams(): Promise<readonly ExamSummary[]> {
  return apiRequest('GET', '/api/exams', ExamSummarySchema.array());
}

export function fetchExam(examId: string): Promise<ExamDetail> {
  return apiRequest('GET', `/api/exams/${encodeURIComponent(examId)}`, ExamDetailSchema);
}

/** Throws `ApiRequestError` 422 `exam-invalid` with the diagnostics in `details` (see `readDiagnostics`). */
export function importExam(source: string): Promise<ExamDetail> {
  return apiRequest('POST', '/api/exams', ExamDetailSchema, { body: { source } });
}

/** The exam as a student sees it; with `seed`, its computed questions are the instances that seed makes. */
export function fetchPreview(examId: string, seed?: string): Promise<StudentExamView> {
  const query = seed === undefined ? '' : `?seed=${encodeURIComponent(seed)}`;
  return apiRequest('GET', `/api/exams/${encodeURIComponent(examId)}/preview${query}`, EXAM_VIEW);
}

/** Runs (or recalls) the executable answer checks of the exam's latest version. */
export function fetchVerifyReport(examId: string): Promise<VerifyReport> {
  return apiRequest('GET', `/api/exams/${encodeURIComponent(examId)}/verify`, VerifyReportSchema);
}

export function createSitting(examId: string, sitting: CreateSitting): Promise<Sitting> {
  return apiRequest('POST', `/api/exams/${encodeURIComponent(examId)}/sittings`, SittingSchema, { body: sitting });
}

export const EXAM_VIEW: ReplyParser<StudentExamView> = {
  safeParse(value) {
    const view = readExamView(value);
    return view ? { success: true, data: view } : { success: false, error: { message: 'not a StudentExamView' } };
  },
};

/** What writing the exam for another system keeps and loses, before the file is downloaded. */
export function fetchExportReport(examId: string, format: ExamExportFormat): Promise<ExamExportReport> {
  return apiRequest('GET', `/api/exams/${encodeURIComponent(examId)}/export/${format}/report`, ExamExportReportSchema);
}

/** A plain link: the exam written in `format` (the download is audited). */
export function examExportUrl(examId: string, format: ExamExportFormat): string {
  return `/api/exams/${encodeURIComponent(examId)}/export/${format}`;
}
