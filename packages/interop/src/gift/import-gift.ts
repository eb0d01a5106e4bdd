import { listQuestions, Rational } from '@examforge/core';
import { decodeText } from '../decode-text.js';
import { ImportAssets } from '../import-assets.js';
import type { ConversionNote, ImportedExam, ImportOptions, KeptAs, SourceFile } from '../import-result.js';
import { buildImportedExam, finishImport, type ImportedQuestion } from '../question-builder.js';
import type { GiftQuestion } from './gift-ast.js';
import { categoryTitles } from './gift-categories.js';
import type { GiftPosition } from './gift-text.js';
import { giftToQuestion } from './gift-to-question.js';
import { parseGift } from './parse-gift.js';
import { BLANK_MARK } from './parse-gift-question.js';

/** A note waiting for the id of the question it is about (ids are given when the exam is built). */
interface PendingNote {
  readonly note: Omit<ConversionNote, 'questionId'>;
  /** Index into the imported questions, when the GIFT question became one. */
  readonly questionIndex?: number;
}

/**
 * Imports a GIFT file (Moodle's text format) as an exam: one section per `$CATEGORY`, every question Moodle would
 * import, scored as Moodle scores it (`%n%` weights exactly, 33.33333 % being 1/3); what Examforge has no type for
 * (short answer, matching) becomes a written question and descriptions go into the instructions, each with a note.
 * Malformed GIFT throws an `ImportError` at its line and column.
 *
 * @example
 * const { exam, notes } = importGift({ name: 'bank.gift', bytes });
 */
export function importGift(file: SourceFile, options: ImportOptions = {}): ImportedExam {
  const items = parseGift(decodeText(file.bytes), file.name);
  const marks = Rational.fromNumber(options.defaultMarks ?? 1) ?? Rational.ONE;
  const assets = new ImportAssets();
  const pending: PendingNote[] = [];
  const questions: ImportedQuestion[] = [];
  const descriptions: string[] = [];
  const categories = categoryTitles(items.flatMap((item) => (item.kind === 'category' ? [item.path] : [])));
  let category: string | undefined;
  for (const item of items) {
    if (item.kind === 'category') {
      category = categories.titles.get(item.path);
      continue;
    }
    const found: Omit<ConversionNote, 'questionId'>[] = [];
    const noteAt = (position: GiftPosition, keptAs: KeptAs, reason: string) =>
      found.push(note(file.name, item, position, keptAs, reason));
    const conversion = giftToQuestion(item, {
      marks,
      note: noteAt,
      onLoss: (loss) => noteAt(item.position, 'content', loss.message),
      resolveImage: (src) => resolveImage(src, file, assets),
    });
    const questionIndex = conversion.kind === 'question' ? questions.length : undefined;
    pending.push(...found.map((entry) => ({ note: entry, ...(questionIndex !== undefined && { questionIndex }) })));
    if (conversion.kind === 'question') {
      questions.push({ name: questionName(item), ...(category && { category }), question: conversion.question });
    } else if (conversion.kind === 'description') {
      descriptions.push(item.title ? `**${item.title}**\n\n${conversion.text}` : conversion.text);
    }
  }
  const exam = buildImportedExam({
    fileName: file.name,
    ...(categories.common && { title: categories.common }),
    ...(descriptions.length > 0 && { instructions: descriptions.join('\n\n') }),
    questions,
    options,
  });
  const notes = withQuestionIds(
    pending,
    questions,
    listQuestions(exam).map((placed) => placed.question.id),
  );
  return finishImport({ format: 'gift', file: file.name, exam, assets, notes, options });
}

function note(file: string, gift: GiftQuestion, position: GiftPosition, keptAs: KeptAs, reason: string) {
  const question = gift.title ?? stemStart(gift);
  return { location: { file, line: position.line, column: position.column }, question, reason, keptAs };
}

/** Moodle 4's id number first (Examforge writes the question id there), then the title, then the start of the stem. */
function questionName(gift: GiftQuestion): string {
  if (gift.idNumber) return gift.idNumber;
  if (gift.title) return gift.title;
  return stemStart(gift);
}

/** The start of the stem as an instructor recognises it: no tags, a blank as ___, one line. */
function stemStart(gift: GiftQuestion): string {
  const text = gift.stem.text.replace(/<[^>]*>/gu, ' ').replaceAll(BLANK_MARK, '___');
  return text.replace(/\s+/gu, ' ').trim().slice(0, 60);
}

/** GIFT carries no files: an image is found only when its path is relative and the file is beside the bank. */
function resolveImage(src: string, file: SourceFile, assets: ImportAssets): string | undefined {
  if (src === '' || /^[a-z][\w+.-]*:/iu.test(src) || src.startsWith('/') || src.startsWith('@@')) return undefined;
  const bytes = file.readSibling?.(src);
  return bytes && assets.add(src, bytes);
}

/**
 * The notes with the ids the builder gave: it groups questions by category in order of first appearance, so the
 * questions are walked in that order to pair each with its id.
 */
function withQuestionIds(
  pending: readonly PendingNote[],
  questions: readonly ImportedQuestion[],
  examIds: readonly string[],
): ConversionNote[] {
  const order: number[] = [];
  const categories = [...new Set(questions.map((question) => question.category?.trim() ?? ''))];
  for (const category of categories)
    questions.forEach((question, index) => {
      if ((question.category?.trim() ?? '') === category) order.push(index);
    });
  const idOf = new Map(order.map((questionIndex, position) => [questionIndex, examIds[position]]));
  return pending.map(({ note: entry, questionIndex }) => {
    const questionId = questionIndex === undefined ? undefined : idOf.get(questionIndex);
    return questionId === undefined ? entry : { ...entry, questionId };
  });
}
