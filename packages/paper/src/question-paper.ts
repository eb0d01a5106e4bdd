import {
  computedTotal,
  instructionsFor,
  listQuestions,
  marksOf,
  optionIndex,
  penaltyOf,
  PAGE_DIMENSIONS,
  type Exam,
  type PageSize,
  type PlacedQuestion,
  type Question,
  type Section,
  type Variant,
} from '@examforge/core';
import { openDocument } from './pdf-document.js';
import { drawRichText, type Cursor, type TextBox } from './rich-text.js';
import { FONT } from './fonts.js';

export interface QuestionPaperOptions {
  readonly pageSize: PageSize;
  /** Printed on every page, so a loose page can be matched to its sheet. */
  readonly variantCode: string;
  /** Printed under the title of a personalised paper, e.g. `Asha Rao · s001`. */
  readonly student?: string;
}

const MARGIN = 54;
const BODY = 10;

/**
 * The question paper for one variant: title block, instructions, each section with its marks and penalty, questions in
 * the variant's order with typeset math (MathJax SVG), options labelled (a), (b), … as this variant prints them, and
 * a footer with the page number and the variant code on every page.
 *
 * @example
 * writeFileSync('paper.pdf', await renderQuestionPaper(exam, variant, { pageSize: 'A4', variantCode: 'V-3F2A' }));
 */
export async function renderQuestionPaper(
  exam: Exam,
  variant: Variant,
  options: QuestionPaperOptions,
): Promise<Buffer> {
  const { doc, bytes } = openDocument(exam.title);
  drawQuestionPaper(doc, exam, variant, options);
  doc.end();
  return bytes;
}

/**
 * Draws the question paper on new pages of a document whose pages are buffered (see `openDocument`) and returns how
 * many pages it took. Its footers are written last, once the page count is known.
 */
export function drawQuestionPaper(
  doc: PDFKit.PDFDocument,
  exam: Exam,
  variant: Variant,
  options: QuestionPaperOptions,
): number {
  const { width, height } = PAGE_DIMENSIONS[options.pageSize];
  const range = doc.bufferedPageRange();
  const first = range.start + range.count;
  const cursor: Cursor = {
    y: MARGIN,
    bottom: height - MARGIN - 12,
    newPage: () => {
      doc.addPage({ size: [width, height], margin: 0 });
      return MARGIN;
    },
  };
  cursor.newPage();
  const column = { x: MARGIN, width: width - 2 * MARGIN, fontSize: BODY };
  drawTitle(doc, exam, options.student, column.width, cursor);
  const instructions = instructionsFor(exam.instructions, 'paper');
  if (instructions) {
    doc.font(FONT.bold).fontSize(11).text('Instructions', MARGIN, cursor.y, { lineBreak: false });
    cursor.y += 16;
    drawRichText(doc, instructions, column, cursor);
  }
  const placed = new Map(listQuestions(exam).map((entry) => [entry.question.id, entry]));
  let number = 0;
  for (const section of exam.sections) {
    drawSectionHeading(doc, section, cursor);
    for (const id of variant.questionOrder[section.id] ?? section.questions.map((q) => q.id)) {
      const entry = placed.get(id);
      if (!entry) continue;
      number += 1;
      drawQuestion(doc, entry, { number, variant, column, pageWidth: width }, cursor);
    }
  }
  const count = doc.bufferedPageRange().start + doc.bufferedPageRange().count - first;
  drawFooters(doc, exam, options.variantCode, first, count, { width, height });
  return count;
}

function drawSectionHeading(doc: PDFKit.PDFDocument, section: Section, cursor: Cursor): void {
  const penalty = section.penalty.isZero() ? '' : `, −${section.penalty.toString()} for a wrong answer`;
  if (cursor.y + 60 > cursor.bottom) cursor.y = cursor.newPage();
  cursor.y += 6;
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor('#000000')
    .text(`${section.title} — ${section.marks.toString()} marks each${penalty}`, MARGIN, cursor.y, {
      lineBreak: false,
    });
  cursor.y += 20;
}

interface QuestionPlace {
  readonly number: number;
  readonly variant: Variant;
  readonly column: TextBox;
  readonly pageWidth: number;
}

function drawQuestion(doc: PDFKit.PDFDocument, entry: PlacedQuestion, place: QuestionPlace, cursor: Cursor): void {
  const { question, section } = entry;
  if (cursor.y + 40 > cursor.bottom) cursor.y = cursor.newPage();
  const marks = marksOf(question, section);
  const ownPenalty = penaltyOf(question, section);
  doc
    .font(FONT.bold)
    .fontSize(BODY)
    .text(`${place.number}.`, MARGIN, cursor.y + 1, { width: 20, lineBreak: false });
  doc
    .font(FONT.body)
    .fontSize(7.5)
    .fillColor('#444444')
    .text(
      `[${marks.toString()}${ownPenalty.equals(section.penalty) ? '' : `, −${ownPenalty.toString()}`}]`,
      place.pageWidth - MARGIN - 40,
      cursor.y + 2,
      { width: 40, align: 'right', lineBreak: false },
    );
  drawRichText(doc, question.stem, { x: MARGIN + 22, width: place.column.width - 64, fontSize: BODY }, cursor);
  if (question.kind === 'single' || question.kind === 'multiple') drawOptions(doc, question, place, cursor);
  else
    drawHint(
      doc,
      question.kind === 'numeric'
        ? 'Write the number on your answer sheet.'
        : 'Answer in the box for this question on your answer sheet.',
      cursor,
    );
  cursor.y += 8;
}

function drawOptions(
  doc: PDFKit.PDFDocument,
  question: Question & { kind: 'single' | 'multiple' },
  place: QuestionPlace,
  cursor: Cursor,
): void {
  const order =
    place.variant.optionOrder[question.id] ?? question.options.map((_, index) => String.fromCharCode(97 + index));
  if (question.kind === 'multiple') {
    doc
      .font(FONT.oblique)
      .fontSize(8)
      .fillColor('#444444')
      .text('Mark every correct option.', MARGIN + 22, cursor.y, { lineBreak: false });
    cursor.y += 12;
  }
  order.forEach((letter, position) => {
    const option = question.options[optionIndex(letter)];
    if (!option) return;
    if (cursor.y + 14 > cursor.bottom) cursor.y = cursor.newPage();
    doc
      .font(FONT.body)
      .fontSize(BODY)
      .fillColor('#000000')
      .text(`(${String.fromCharCode(97 + position)})`, MARGIN + 26, cursor.y + 1, { lineBreak: false });
    const before = cursor.y;
    drawRichText(doc, option.text, { x: MARGIN + 48, width: place.column.width - 90, fontSize: BODY }, cursor);
    cursor.y = Math.max(cursor.y - BODY * 0.5, before + BODY * 1.4);
  });
}

function drawHint(doc: PDFKit.PDFDocument, text: string, cursor: Cursor): void {
  doc
    .font(FONT.oblique)
    .fontSize(8.5)
    .fillColor('#444444')
    .text(text, MARGIN + 22, cursor.y, { lineBreak: false });
  cursor.y += 12;
}

function drawTitle(
  doc: PDFKit.PDFDocument,
  exam: Exam,
  student: string | undefined,
  width: number,
  cursor: Cursor,
): void {
  doc.font(FONT.bold).fontSize(16).fillColor('#000000').text(exam.title, MARGIN, cursor.y, { width, align: 'center' });
  cursor.y = doc.y + 4;
  const total = computedTotal(exam);
  const facts = [exam.term, `${total.toString()} marks`, `${exam.duration} minutes`].filter(Boolean).join(' · ');
  doc.font(FONT.body).fontSize(10).text(facts, MARGIN, cursor.y, { width, align: 'center' });
  cursor.y = doc.y + 14;
  if (!student) return;
  doc
    .font(FONT.bold)
    .fontSize(10)
    .text(student, MARGIN, cursor.y - 8, { width, align: 'center' });
  cursor.y = doc.y + 12;
}

function drawFooters(
  doc: PDFKit.PDFDocument,
  exam: Exam,
  variantCode: string,
  first: number,
  count: number,
  page: { readonly width: number; readonly height: number },
): void {
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(first + index);
    const text = `${exam.id} · variant ${variantCode} · page ${index + 1} of ${count}`;
    doc
      .font(FONT.body)
      .fontSize(7.5)
      .fillColor('#444444')
      .text(text, 0, page.height - 34, { width: page.width, align: 'center', lineBreak: false });
  }
}
