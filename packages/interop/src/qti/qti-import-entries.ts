import { Rational } from '@examforge/core';
import type { ImportAssets } from '../import-assets.js';
import type { ConversionNote, ImportedExam, ImportOptions, SourceFormat } from '../import-result.js';
import { buildImportedExam, finishImport, importedQuestionIds, type ImportedQuestion } from '../question-builder.js';
import type { DraftNote } from './question-draft.js';

/** One source item's result: the question it became (if any) and every note about it. */
export interface QtiEntry {
  readonly question?: ImportedQuestion;
  /** An information-only item's text (Markdown): it goes before the next question, or into the instructions. */
  readonly description?: string;
  readonly notes: readonly DraftNote[];
}

export interface QtiImportInput {
  readonly format: SourceFormat;
  readonly file: string;
  readonly title?: string;
  readonly entries: readonly QtiEntry[];
  readonly assets: ImportAssets;
  readonly options: ImportOptions;
}

/**
 * Builds the exam from the imported items and hands it to `finishImport` (strict mode, no empty exam, lint clean), a
 * section per category (the test's sections). Notes get the id of the question they are about, as the builder gives
 * it (`importedQuestionIds`).
 */
export function finishQtiImport(input: QtiImportInput): ImportedExam {
  const { questions, trailing } = withDescriptions(input.entries);
  const exam = buildImportedExam({
    fileName: input.file,
    title: input.title,
    questions,
    options: input.options,
    ...(trailing.length > 0 && { instructions: trailing.join('\n\n') }),
  });
  const ids = importedQuestionIds(questions);
  let index = 0;
  const notes: ConversionNote[] = input.entries.flatMap((entry) => {
    if (!entry.question) return entry.notes;
    const questionId = ids[index++];
    return entry.notes.map((note) => ({ ...note, questionId }));
  });
  return finishImport({
    format: input.format,
    file: input.file,
    exam,
    assets: input.assets,
    notes,
    options: input.options,
  });
}

export function defaultMarksOf(options: ImportOptions): Rational {
  return Rational.fromNumber(options.defaultMarks ?? 1) ?? Rational.ONE;
}

/** Descriptions (information-only items) go before the stem of the question after them; the last ones, if no question follows, become the instructions. */
function withDescriptions(entries: readonly QtiEntry[]): { questions: ImportedQuestion[]; trailing: string[] } {
  const questions: ImportedQuestion[] = [];
  let pending: string[] = [];
  for (const entry of entries) {
    if (entry.description) pending.push(entry.description);
    if (!entry.question) continue;
    const { question } = entry;
    questions.push(
      pending.length === 0
        ? question
        : { ...question, question: { ...question.question, stem: [...pending, question.question.stem].join('\n\n') } },
    );
    pending = [];
  }
  return { questions, trailing: pending };
}
