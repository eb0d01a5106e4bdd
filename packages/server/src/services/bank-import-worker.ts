import { parentPort } from 'node:worker_threads';
import { listQuestions, printExam, type Exam, type QuestionKind } from '@examforge/core';
import { describeLocation, importBank, ImportError } from '@examforge/interop';

/**
 * Imports one question bank off the event loop (parsing, HTML to Markdown and lint of a large bank take seconds) and
 * answers with what can cross threads: the exam as its Markdown file, the assets, the notes with located text, or
 * the import's located refusal.
 */
export interface BankImportRequest {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type BankImportReply =
  | {
      readonly ok: true;
      readonly format: string;
      readonly source: string;
      /** Questions by type, as imported. */
      readonly questions: Record<QuestionKind, number>;
      readonly assets: readonly { readonly path: string; readonly bytes: Uint8Array }[];
      readonly notes: readonly {
        readonly location: string;
        readonly question?: string;
        readonly questionId?: string;
        readonly reason: string;
        readonly keptAs: string;
      }[];
    }
  | { readonly ok: false; readonly refused: boolean; readonly message: string };

parentPort?.on('message', (request: BankImportRequest) => {
  parentPort?.postMessage(importOne(request));
});

function importOne({ name, bytes }: BankImportRequest): BankImportReply {
  try {
    const imported = importBank({ name, bytes });
    return {
      ok: true,
      format: imported.format,
      source: printExam(imported.exam),
      questions: questionCounts(imported.exam),
      assets: imported.assets.map(({ path, bytes: data }) => ({ path, bytes: data })),
      notes: imported.notes.map((note) => ({
        location: describeLocation(note.location),
        reason: note.reason,
        keptAs: note.keptAs,
        ...(note.question !== undefined && { question: note.question }),
        ...(note.questionId !== undefined && { questionId: note.questionId }),
      })),
    };
  } catch (error) {
    if (error instanceof ImportError) {
      return { ok: false, refused: true, message: `${describeLocation(error.location)}: ${error.message}` };
    }
    return {
      ok: false,
      refused: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

function questionCounts(exam: Exam): Record<QuestionKind, number> {
  const counts: Record<QuestionKind, number> = { single: 0, multiple: 0, numeric: 0, free: 0 };
  for (const { question } of listQuestions(exam)) counts[question.kind] += 1;
  return counts;
}
