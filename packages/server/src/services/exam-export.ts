import { listQuestions, type Exam } from '@examforge/core';
import type { ExportedBank, ReadAsset } from '@examforge/interop';
import type { ExamExportFormat, ExamExportReport } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { loadInterop } from '../heavy-packages.js';
import { recordEvent } from './audit.js';
import { latestVersion, loadExamVersion } from './exams.js';

type Interop = Awaited<ReturnType<typeof loadInterop>>;

/** Each format's exporter, picked from the converters once they are loaded. */
const EXPORTERS: Readonly<
  Record<ExamExportFormat, (interop: Interop) => (exam: Exam, readAsset: ReadAsset) => ExportedBank>
> = {
  'moodle-xml': (interop) => interop.exportMoodleXml,
  qti3: (interop) => interop.exportQti30,
  gift: (interop) => interop.exportGift,
  aiken: (interop) => interop.exportAiken,
};

const CONTENT_TYPES: Readonly<Record<ExamExportFormat, string>> = {
  'moodle-xml': 'application/xml; charset=utf-8',
  qti3: 'application/zip',
  gift: 'text/plain; charset=utf-8',
  aiken: 'text/plain; charset=utf-8',
};

/** An exam's latest version written in `format`, with the images stored with the exam. */
interface ExamExport {
  readonly bank: ExportedBank;
  readonly version: number;
  readonly questions: number;
  readonly contentType: string;
}

/**
 * Writes the exam's latest version for another system (the same exporters as `examforge export`). An exam is a few
 * hundred questions at most, written in milliseconds, so the report and the download each write it afresh rather
 * than keeping a copy.
 */
async function exportExam(context: AppContext, examId: string, format: ExamExportFormat): Promise<ExamExport> {
  const latest = await latestVersion(context, examId);
  const exam = await loadExamVersion(context, latest.id);
  const assets = await context.db
    .selectFrom('exam_assets')
    .select(['path', 'data'])
    .where('exam_id', '=', examId)
    .execute();
  const files = new Map(assets.map((asset) => [asset.path, new Uint8Array(asset.data)]));
  const bank = EXPORTERS[format](await loadInterop())(exam, (path) => files.get(path));
  return { bank, version: latest.version, questions: listQuestions(exam).length, contentType: CONTENT_TYPES[format] };
}

/** What the export to `format` writes and what it cannot hold, for the exam page to show before the download. */
export async function examExportReport(
  context: AppContext,
  examId: string,
  format: ExamExportFormat,
): Promise<ExamExportReport> {
  const { bank, version, questions } = await exportExam(context, examId, format);
  const leftOut = new Set(
    bank.notes.flatMap((note) => (note.keptAs === 'left-out' && note.questionId ? [note.questionId] : [])),
  );
  return {
    format,
    version,
    fileName: bank.fileName,
    bytes: bank.bytes.length,
    questionsWritten: questions - leftOut.size,
    notes: bank.notes.map((note) => ({
      ...(note.questionId !== undefined && { questionId: note.questionId }),
      reason: note.reason,
      keptAs: note.keptAs,
    })),
  };
}

/** The exported file, audited: the file holds the key and the explanations. */
export async function downloadExamExport(
  context: AppContext,
  user: UserRow,
  examId: string,
  format: ExamExportFormat,
): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  const { bank, version, contentType } = await exportExam(context, examId, format);
  await recordEvent(context.db, context.clock.now(), { kind: 'user', id: user.id }, 'exam.exported', `exam:${examId}`, {
    format,
    version,
  });
  return { fileName: bank.fileName, contentType, data: Buffer.from(bank.bytes) };
}
