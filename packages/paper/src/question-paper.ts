import {
  computedTotal,
  listQuestions,
  marksOf,
  optionIndex,
  penaltyOf,
  PAGE_DIMENSIONS,
  type Exam,
  type PageSize,
  type Variant,
} from '@examforge/core';
import PDFDocument from 'pdfkit';
import { drawRichText, type Cursor } from './rich-text.js';
import { FONT, registerFonts } from './fonts.js';

export interface QuestionPaperOptions {
  readonly pageSize: PageSize;
  /** Printed on every page, so a loose page can be matched to its sheet. */
  readonly variantCode: string;
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
  const { width, height } = PAGE_DIMENSIONS[options.pageSize];
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    bufferPages: true,
    info: { Title: exam.title, Producer: 'Examforge' },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const cursor: Cursor = {
    y: MARGIN,
    bottom: height - MARGIN - 12,
    newPage: () => {
      doc.addPage({ size: [width, height], margin: 0 });
      return MARGIN;
    },
  };
  const column = { x: MARGIN, width: width - 2 * MARGIN, fontSize: BODY };
  drawTitle(doc, exam, column.width, cursor);
  if (exam.instructions) {
    doc.font(FONT.bold).fontSize(11).text('Instructions', MARGIN, cursor.y, { lineBreak: false });
    cursor.y += 16;
    drawRichText(doc, exam.instructions, column, cursor);
  }
  const placed = new Map(listQuestions(exam).map((entry) => [entry.question.id, entry]));
  let number = 0;
  for (const section of exam.sections) {
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
    for (const id of variant.questionOrder[section.id] ?? section.questions.map((q) => q.id)) {
      const entry = placed.get(id);
      if (!entry) continue;
      number += 1;
      const { question } = entry;
      if (cursor.y + 40 > cursor.bottom) cursor.y = cursor.newPage();
      const marks = marksOf(question, section);
      const ownPenalty = penaltyOf(question, section);
      const label = `${number}.`;
      doc
        .font(FONT.bold)
        .fontSize(BODY)
        .text(label, MARGIN, cursor.y + 1, { width: 20, lineBreak: false });
      doc
        .font(FONT.body)
        .fontSize(7.5)
        .fillColor('#444444')
        .text(
          `[${marks.toString()}${ownPenalty.equals(section.penalty) ? '' : `, −${ownPenalty.toString()}`}]`,
          width - MARGIN - 40,
          cursor.y + 2,
          { width: 40, align: 'right', lineBreak: false },
        );
      drawRichText(doc, question.stem, { x: MARGIN + 22, width: column.width - 64, fontSize: BODY }, cursor);
      if (question.kind === 'single' || question.kind === 'multiple') {
        const order = variant.optionOrder[id] ?? question.options.map((_, index) => String.fromCharCode(97 + index));
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
          drawRichText(doc, option.text, { x: MARGIN + 48, width: column.width - 90, fontSize: BODY }, cursor);
          cursor.y = Math.max(cursor.y - BODY * 0.5, before + BODY * 1.4);
        });
      } else if (question.kind === 'numeric') {
        doc
          .font(FONT.oblique)
          .fontSize(8.5)
          .fillColor('#444444')
          .text('Write the number on your answer sheet.', MARGIN + 22, cursor.y, { lineBreak: false });
        cursor.y += 12;
      } else {
        doc
          .font(FONT.oblique)
          .fontSize(8.5)
          .fillColor('#444444')
          .text('Answer in the box for this question on your answer sheet.', MARGIN + 22, cursor.y, {
            lineBreak: false,
          });
        cursor.y += 12;
      }
      cursor.y += 8;
    }
  }
  drawFooters(doc, exam, options.variantCode, width, height);
  doc.end();
  return done;
}

function drawTitle(doc: PDFKit.PDFDocument, exam: Exam, width: number, cursor: Cursor): void {
  doc.font(FONT.bold).fontSize(16).fillColor('#000000').text(exam.title, MARGIN, cursor.y, { width, align: 'center' });
  cursor.y = doc.y + 4;
  const total = computedTotal(exam);
  const facts = [exam.term, `${total.toString()} marks`, `${exam.duration} minutes`].filter(Boolean).join(' · ');
  doc.font(FONT.body).fontSize(10).text(facts, MARGIN, cursor.y, { width, align: 'center' });
  cursor.y = doc.y + 14;
}

function drawFooters(doc: PDFKit.PDFDocument, exam: Exam, variantCode: string, width: number, height: number): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const text = `${exam.id} · variant ${variantCode} · page ${index - range.start + 1} of ${range.count}`;
    doc
      .font(FONT.body)
      .fontSize(7.5)
      .fillColor('#444444')
      .text(text, 0, height - 34, { width, align: 'center', lineBreak: false });
  }
}
