import type { Exam, PageSize, SheetLayout, Variant } from '@examforge/core';
import { drawAnswerSheet, type AnswerSheetContent } from './answer-sheet.js';
import { FONT } from './fonts.js';
import { openDocument } from './pdf-document.js';
import { drawQuestionPaper } from './question-paper.js';

/** What one student gets: the question paper in their variant, and the answer sheet laid out for the same variant. */
export interface PrintSet {
  /** The exam this student sits when it is not the shared one: its computed questions are their own instances. */
  readonly exam?: Exam;
  readonly variant: Variant;
  /** Printed in every question-paper footer (see `variantCode`). */
  readonly variantCode: string;
  /** Printed under the question paper's title, e.g. `Asha Rao · s001`; empty for a generic set. */
  readonly student: string;
  readonly sheet: { readonly layout: SheetLayout; readonly content: AnswerSheetContent };
}

export interface PrintSetOptions {
  readonly pageSize: PageSize;
  /** `false`: answer sheets only. */
  readonly questionPapers: boolean;
  /** `false`: question papers only; each set's answer-sheet range is where its sheet would start, with 0 pages. */
  readonly answerSheets?: boolean;
  /** Pad an odd question paper with a blank page, so that double-sided printing starts each sheet on a new leaf. */
  readonly duplex?: boolean;
  /** Called after each set is drawn (for a progress bar). */
  readonly onSet?: (done: number) => void;
}

/** A 1-based page range in the PDF. */
export interface PageRange {
  readonly firstPage: number;
  readonly pages: number;
}

/** Where one set's parts are in the PDF. */
export interface PrintedSet {
  readonly questionPaper: PageRange | undefined;
  readonly answerSheet: PageRange;
}

/**
 * Several students' sets in one PDF, each question paper followed by its answer sheet: one set for a per-student file,
 * every set for a print shop's merged file. Pages are flushed after each set, so a merged job does not hold every page
 * in memory, and the PDF's bytes depend only on its input.
 *
 * @example
 * const { pdf, sets } = await renderPrintSets(exam, [set], { pageSize: 'A4', questionPapers: true });
 * sets[0].answerSheet.firstPage; // the page the scanner's pages start at
 */
export async function renderPrintSets(
  exam: Exam,
  sets: readonly PrintSet[],
  options: PrintSetOptions,
): Promise<{ pdf: Buffer; sets: PrintedSet[] }> {
  const { doc, bytes } = openDocument(options.questionPapers ? exam.title : `${exam.title} — answer sheets`);
  let pagesSoFar = 0;
  const printed = sets.map((set, index): PrintedSet => {
    const questionPaper = options.questionPapers ? drawPaper(doc, exam, set, options, pagesSoFar) : undefined;
    const sheetFirst = pagesSoFar + (questionPaper?.pages ?? 0) + 1;
    const withSheet = options.answerSheets !== false;
    if (withSheet) drawAnswerSheet(doc, set.sheet.layout, set.sheet.content);
    doc.flushPages();
    const answerSheet = { firstPage: sheetFirst, pages: withSheet ? set.sheet.layout.pages.length : 0 };
    pagesSoFar = sheetFirst + answerSheet.pages - 1;
    options.onSet?.(index + 1);
    return { questionPaper, answerSheet };
  });
  doc.end();
  return { pdf: await bytes, sets: printed };
}

function drawPaper(
  doc: PDFKit.PDFDocument,
  exam: Exam,
  set: PrintSet,
  options: PrintSetOptions,
  pagesSoFar: number,
): PageRange {
  const drawn = drawQuestionPaper(doc, set.exam ?? exam, set.variant, {
    pageSize: options.pageSize,
    variantCode: set.variantCode,
    ...(set.student ? { student: set.student } : {}),
  });
  if (!options.duplex || drawn % 2 === 0) return { firstPage: pagesSoFar + 1, pages: drawn };
  const { width, height } = set.sheet.layout;
  doc.addPage({ size: [width, height], margin: 0 });
  doc
    .font(FONT.oblique)
    .fontSize(9)
    .fillColor('#777777')
    .text('This page is intentionally blank.', 0, height / 2, { width, align: 'center', lineBreak: false });
  return { firstPage: pagesSoFar + 1, pages: drawn + 1 };
}

/**
 * A short code for a variant seed, printed on every question-paper page: six base-36 characters of a hash, the same
 * in every run, so that a loose page can be matched to its set and the manifest.
 *
 * @example
 * variantCode('dl-endsem:s001'); // e.g. "0K3QZ8"
 */
export function variantCode(seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36).toUpperCase().padStart(6, '0').slice(-6);
}
