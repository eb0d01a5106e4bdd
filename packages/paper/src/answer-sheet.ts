import {
  encodeSheetIdentity,
  type Circle,
  type DigitBubble,
  type Rect,
  type SheetIdentity,
  type SheetLayout,
  type SheetPage,
} from '@examforge/core';
import QRCode from 'qrcode';
import { FONT } from './fonts.js';
import { openDocument } from './pdf-document.js';

export interface AnswerSheetContent {
  readonly title: string;
  readonly identity: Omit<SheetIdentity, 'page'>;
  readonly studentName?: string;
}

const INK = '#000000';
const GUIDE = '#555555';

/**
 * Draws an answer sheet exactly where its layout says, so that the scanner, which reads only the layout, finds every
 * bubble: solid corner discs (unlike a QR finder pattern's nested squares), a QR code per page, the write-in fields
 * and student-number grid, the rule with pictures of a valid and of invalid marks, a row of bubbles per choice
 * question with the letter beside each bubble, and a box per free-response question.
 *
 * @example
 * const pdf = await renderAnswerSheet(layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 }), content);
 */
export async function renderAnswerSheet(layout: SheetLayout, content: AnswerSheetContent): Promise<Buffer> {
  return renderAnswerSheets([{ layout, content }]);
}

/** Several students' sheets in one PDF, one after another (for a single print job). */
export async function renderAnswerSheets(
  sheets: readonly { layout: SheetLayout; content: AnswerSheetContent }[],
): Promise<Buffer> {
  const first = sheets[0]?.content.title ?? 'Answer sheets';
  const { doc, bytes } = openDocument(`${first} — answer sheets`);
  for (const { layout, content } of sheets) {
    drawAnswerSheet(doc, layout, content);
    doc.flushPages();
  }
  doc.end();
  return bytes;
}

/** Draws one answer sheet on new pages of a document (one page per layout page). */
export function drawAnswerSheet(document: PDFKit.PDFDocument, layout: SheetLayout, content: AnswerSheetContent): void {
  for (const page of layout.pages) {
    document.addPage({ size: [layout.width, layout.height], margin: 0 });
    drawFrame(document, page, layout, content);
    const code = encodeSheetIdentity({ ...content.identity, page: page.number });
    drawQr(document, page.qr, code, 'M');
    // Low error correction keeps the small backup's modules as large as its text allows.
    if (page.backupQr) drawQr(document, page.backupQr, code, 'L');
    if (page.number === 1) drawHeader(document, page, content);
    for (const label of page.rowLabels) {
      document
        .font(FONT.bold)
        .fontSize(8)
        .fillColor(INK)
        .text(label.text, label.x, label.y - 4, { width: 24, align: 'right', lineBreak: false });
    }
    for (const bubble of page.bubbles) drawBubble(document, bubble, bubble.label.toUpperCase());
    for (const box of page.boxes) drawBox(document, box);
  }
}

function drawFrame(
  document: PDFKit.PDFDocument,
  page: SheetPage,
  layout: SheetLayout,
  content: AnswerSheetContent,
): void {
  for (const mark of page.cornerMarks) document.circle(mark.x, mark.y, mark.r).fill(INK);
  const footer = `${content.identity.examId} · version ${content.identity.version} · page ${page.number} of ${layout.pages.length}`;
  // Left of the backup code at the foot's centre (or centred on a sheet laid out without one).
  const right = page.backupQr ? page.backupQr.x - 8 : layout.width;
  const left = page.backupQr ? 44 : 0;
  document
    .font(FONT.body)
    .fontSize(7)
    .fillColor(GUIDE)
    .text(footer, left, layout.height - 30, {
      width: right - left,
      align: page.backupQr ? 'left' : 'center',
      lineBreak: false,
      ellipsis: true,
    });
}

function drawQr(document: PDFKit.PDFDocument, area: Rect, text: string, errorCorrectionLevel: 'L' | 'M'): void {
  const code = QRCode.create(text, { errorCorrectionLevel });
  const size = code.modules.size;
  // A quiet zone of two modules inside the area keeps the code readable next to other ink.
  const module = area.width / (size + 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (code.modules.get(row, column))
        document.rect(area.x + (column + 2) * module, area.y + (row + 2) * module, module, module);
    }
  }
  document.fill(INK);
}

function drawHeader(document: PDFKit.PDFDocument, page: SheetPage, content: AnswerSheetContent): void {
  const left = 36;
  document
    .font(FONT.bold)
    .fontSize(10.5)
    .fillColor(INK)
    .text(content.title, left, 30, { width: 260, height: 16, lineBreak: false, ellipsis: true });
  for (const field of page.fields) {
    document
      .font(FONT.body)
      .fontSize(7)
      .fillColor(GUIDE)
      .text(field.name === 'name' ? 'Name' : 'Student number', field.x, field.y - 9, { lineBreak: false });
    document.rect(field.x, field.y, field.width, field.height).lineWidth(0.8).stroke(INK);
  }
  const name = page.fields.find((field) => field.name === 'name');
  if (content.studentName && name)
    document
      .font(FONT.body)
      .fontSize(10)
      .fillColor(INK)
      .text(content.studentName, name.x + 4, name.y + 6, { lineBreak: false });
  const number = page.fields.find((field) => field.name === 'student-number');
  if (content.identity.studentNumber && number)
    document
      .font(FONT.body)
      .fontSize(10)
      .fillColor(INK)
      .text(content.identity.studentNumber, number.x + 4, number.y + 6, { lineBreak: false });
  drawDigitGrid(document, page.digitBubbles);
  drawMarkRule(document, left, 122);
}

function drawDigitGrid(document: PDFKit.PDFDocument, bubbles: readonly DigitBubble[]): void {
  for (const bubble of bubbles) drawBubble(document, bubble, String(bubble.digit));
}

/** The source's rule, with a picture of each kind of mark: only the first counts. */
function drawMarkRule(document: PDFKit.PDFDocument, x: number, y: number): void {
  // Kept to the left column, clear of the student-number grid, whatever the font's widths.
  document
    .font(FONT.bold)
    .fontSize(7)
    .fillColor(INK)
    .text(
      'Fill the circle completely. Only a completely filled circle is an answer; a partly filled circle, a tick or a cross is not.',
      x,
      y,
      { width: 250 },
    );
  const examples: [string, (c: Circle) => void][] = [
    ['valid', (c) => document.circle(c.x, c.y, c.r).fill(INK)],
    [
      'partial',
      (c) =>
        document
          .moveTo(c.x - c.r, c.y)
          .lineTo(c.x + c.r, c.y)
          .lineTo(c.x + c.r * 0.7, c.y + c.r * 0.7)
          .lineTo(c.x - c.r * 0.7, c.y + c.r * 0.7)
          .fill(INK),
    ],
    [
      'tick',
      (c) =>
        document
          .moveTo(c.x - c.r * 0.7, c.y)
          .lineTo(c.x - c.r * 0.1, c.y + c.r * 0.7)
          .lineTo(c.x + c.r, c.y - c.r)
          .lineWidth(1.2)
          .stroke(INK),
    ],
    [
      'cross',
      (c) =>
        document
          .moveTo(c.x - c.r, c.y - c.r)
          .lineTo(c.x + c.r, c.y + c.r)
          .moveTo(c.x + c.r, c.y - c.r)
          .lineTo(c.x - c.r, c.y + c.r)
          .lineWidth(1.2)
          .stroke(INK),
    ],
  ];
  examples.forEach(([label, mark], index) => {
    const circle = { x: x + 12 + index * 62, y: y + 38, r: 6 };
    document.circle(circle.x, circle.y, circle.r).lineWidth(0.8).stroke(INK);
    mark(circle);
    document
      .font(FONT.body)
      .fontSize(7)
      .fillColor(index === 0 ? INK : GUIDE)
      .text(index === 0 ? 'counts' : `${label}: no`, circle.x + 10, circle.y - 3, { lineBreak: false });
  });
}

function drawBubble(document: PDFKit.PDFDocument, bubble: Circle, label: string): void {
  document.circle(bubble.x, bubble.y, bubble.r).lineWidth(0.8).stroke(INK);
  // The letter sits beside the circle, never inside it, so it cannot be mistaken for ink in the bubble.
  document
    .font(FONT.body)
    .fontSize(6.5)
    .fillColor(GUIDE)
    .text(label, bubble.x - bubble.r - 6, bubble.y - 3, { width: 5, align: 'right', lineBreak: false });
}

function drawBox(document: PDFKit.PDFDocument, box: Rect & { readonly title: string }): void {
  document
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(INK)
    .text(`${box.title} — write your answer in the box`, box.x, box.y - 15, { lineBreak: false });
  document.rect(box.x, box.y, box.width, box.height).lineWidth(1).stroke(INK);
}
