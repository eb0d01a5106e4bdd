import { listQuestions } from '../exam-queries.js';
import type { Variant } from '../delivery/variant.js';
import { isChoiceQuestion, optionLetter, type Exam } from '../model.js';

/**
 * The geometry of an answer sheet, shared by the printer and the scanner: the printer draws exactly these circles and
 * boxes, the scanner reads exactly there. Units are PDF points (1/72 inch) with the origin at the top-left corner of
 * the page, y growing downwards (as in PDFKit and in raster images).
 */
export type PageSize = 'A4' | 'Letter';

export const PAGE_DIMENSIONS: Readonly<Record<PageSize, { readonly width: number; readonly height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One answer bubble: which option of which question it stands for, canonically and as printed. */
export interface AnswerBubble extends Circle {
  readonly questionId: string;
  /** The canonical option letter: what a fill here records. */
  readonly option: string;
  /** The letter printed beside the bubble (the student's variant). */
  readonly label: string;
}

export interface DigitBubble extends Circle {
  /** 0-based position in the student number. */
  readonly column: number;
  readonly digit: number;
}

export interface SheetPage {
  /** 1-based. */
  readonly number: number;
  readonly kind: 'choices' | 'free-response';
  /** Solid discs near the four corners, in the order top-left, top-right, bottom-left, bottom-right. */
  readonly cornerMarks: readonly Circle[];
  /** Where the page's QR code (exam, version, variant, student, page) is printed. */
  readonly qr: Rect;
  /**
   * A second, smaller code with the same text, far from the first and from every corner (bottom centre, below the
   * last row), read when the first is smudged or torn. Absent from layouts printed before it existed.
   */
  readonly backupQr?: Rect;
  readonly bubbles: readonly AnswerBubble[];
  /** The student-number grid, on the first page only. */
  readonly digitBubbles: readonly DigitBubble[];
  /** Question number labels printed at the start of each bubble row. */
  readonly rowLabels: readonly {
    readonly questionId: string;
    readonly text: string;
    readonly x: number;
    readonly y: number;
  }[];
  /** Free-response answer areas. */
  readonly boxes: readonly (Rect & { readonly questionId: string; readonly title: string })[];
  /** Name and student-number write-in fields (first page). */
  readonly fields: readonly (Rect & { readonly name: 'name' | 'student-number' })[];
}

export interface SheetLayout {
  readonly pageSize: PageSize;
  readonly width: number;
  readonly height: number;
  readonly pages: readonly SheetPage[];
}

export interface SheetLayoutOptions {
  readonly pageSize: PageSize;
  /** Digits in the student-number grid. */
  readonly studentNumberDigits: number;
}

/** Sizes chosen for pens and pencils: a 12 pt bubble is easy to fill completely, 22 pt apart leaves clear gaps. */
export const GEOMETRY = {
  margin: 36,
  cornerInset: 24,
  cornerRadius: 9,
  qrSize: 72,
  /** The band under the last row (which ends 60 pt above the page's foot) holds this much, clear of the edge. */
  backupQrSize: 42,
  bubbleRadius: 6,
  bubbleSpacing: 22,
  rowHeight: 21,
  rowLabelWidth: 34,
  columnGap: 24,
  headerHeight: 150,
  digitSpacing: 16,
  digitRowSpacing: 14,
  digitRadius: 5,
  boxTitleHeight: 18,
} as const;

/**
 * Lays out the answer sheet of an exam for one variant: choice questions in the variant's order as rows of bubbles,
 * in as many columns as fit, on as many pages as needed; each free-response question in a box on its own page.
 *
 * @example
 * const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
 */
export function layoutAnswerSheet(exam: Exam, variant: Variant, options: SheetLayoutOptions): SheetLayout {
  const { width, height } = PAGE_DIMENSIONS[options.pageSize];
  const ordered = orderedQuestions(exam, variant);
  const choiceRows = ordered.filter((entry) => entry.options.length > 0);
  const free = ordered.filter((entry) => entry.kind === 'free');
  const pages: SheetPage[] = [];
  const firstPageTop = GEOMETRY.margin + GEOMETRY.headerHeight;
  const perColumn = (top: number) =>
    Math.floor((height - GEOMETRY.margin - GEOMETRY.cornerInset - top) / GEOMETRY.rowHeight);
  const maxOptions = Math.max(2, ...choiceRows.map((row) => row.options.length));
  const columnWidth = GEOMETRY.rowLabelWidth + maxOptions * GEOMETRY.bubbleSpacing + GEOMETRY.columnGap;
  const columns = Math.max(1, Math.floor((width - 2 * GEOMETRY.margin) / columnWidth));
  let remaining = choiceRows;
  do {
    const number = pages.length + 1;
    const top = number === 1 ? firstPageTop : GEOMETRY.margin + GEOMETRY.qrSize + 12;
    const capacity = perColumn(top) * columns;
    const rows = remaining.slice(0, capacity);
    remaining = remaining.slice(capacity);
    pages.push({
      ...pageFrame(number, 'choices', width, height),
      bubbles: rows.flatMap((row, index) => rowBubbles(row, columnOrigin(index, perColumn(top), columnWidth, top))),
      rowLabels: rows.map((row, index) => {
        const origin = columnOrigin(index, perColumn(top), columnWidth, top);
        return { questionId: row.id, text: `${row.number}`, x: origin.x, y: origin.y };
      }),
      digitBubbles: number === 1 ? digitGrid(options.studentNumberDigits, width) : [],
      boxes: [],
      fields: number === 1 ? writeInFields(width, options.studentNumberDigits) : [],
    });
  } while (remaining.length > 0);
  for (const question of free) {
    const number = pages.length + 1;
    const top = GEOMETRY.margin + GEOMETRY.qrSize + 12;
    const box = {
      x: GEOMETRY.margin,
      y: top + GEOMETRY.boxTitleHeight,
      width: width - 2 * GEOMETRY.margin,
      height: height - top - GEOMETRY.boxTitleHeight - GEOMETRY.margin - GEOMETRY.cornerInset,
    };
    pages.push({
      ...pageFrame(number, 'free-response', width, height),
      bubbles: [],
      rowLabels: [],
      digitBubbles: [],
      fields: [],
      boxes: [{ ...box, questionId: question.id, title: `Question ${question.number} (${question.id})` }],
    });
  }
  return { pageSize: options.pageSize, width, height, pages };
}

interface OrderedQuestion {
  readonly id: string;
  readonly number: number;
  readonly kind: string;
  /** Canonical letters in the order printed. */
  readonly options: readonly string[];
}

function orderedQuestions(exam: Exam, variant: Variant): OrderedQuestion[] {
  const byId = new Map(listQuestions(exam).map((entry) => [entry.question.id, entry.question]));
  let number = 0;
  return exam.sections.flatMap((section) =>
    (variant.questionOrder[section.id] ?? section.questions.map((q) => q.id)).flatMap((id) => {
      const question = byId.get(id);
      if (!question) return [];
      number += 1;
      const options = isChoiceQuestion(question)
        ? (variant.optionOrder[id] ?? question.options.map((_, i) => optionLetter(i)))
        : [];
      return [{ id, number, kind: question.kind, options }];
    }),
  );
}

function pageFrame(
  number: number,
  kind: SheetPage['kind'],
  width: number,
  height: number,
): Pick<SheetPage, 'number' | 'kind' | 'cornerMarks' | 'qr' | 'backupQr'> {
  const inset = GEOMETRY.cornerInset;
  const r = GEOMETRY.cornerRadius;
  return {
    number,
    kind,
    cornerMarks: [
      { x: inset, y: inset, r },
      { x: width - inset, y: inset, r },
      { x: inset, y: height - inset, r },
      { x: width - inset, y: height - inset, r },
    ],
    qr: {
      x: width - GEOMETRY.margin - GEOMETRY.qrSize - 12,
      y: GEOMETRY.margin,
      width: GEOMETRY.qrSize,
      height: GEOMETRY.qrSize,
    },
    backupQr: {
      x: (width - GEOMETRY.backupQrSize) / 2,
      y: height - GEOMETRY.margin - GEOMETRY.cornerInset + 2,
      width: GEOMETRY.backupQrSize,
      height: GEOMETRY.backupQrSize,
    },
  };
}

function columnOrigin(index: number, perColumn: number, columnWidth: number, top: number): { x: number; y: number } {
  const column = Math.floor(index / perColumn);
  const row = index % perColumn;
  return { x: GEOMETRY.margin + column * columnWidth, y: top + row * GEOMETRY.rowHeight + GEOMETRY.rowHeight / 2 };
}

function rowBubbles(row: OrderedQuestion, origin: { x: number; y: number }): AnswerBubble[] {
  return row.options.map((option, position) => ({
    questionId: row.id,
    option,
    label: optionLetter(position),
    x: origin.x + GEOMETRY.rowLabelWidth + position * GEOMETRY.bubbleSpacing + GEOMETRY.bubbleRadius,
    y: origin.y,
    r: GEOMETRY.bubbleRadius,
  }));
}

function digitGrid(digits: number, width: number): DigitBubble[] {
  const left = width - GEOMETRY.margin - GEOMETRY.qrSize - 24 - digits * GEOMETRY.digitSpacing - GEOMETRY.digitSpacing;
  const top = GEOMETRY.margin + 8;
  return Array.from({ length: digits }, (_, column) =>
    Array.from({ length: 10 }, (_, digit) => ({
      column,
      digit,
      x: left + column * GEOMETRY.digitSpacing,
      y: top + digit * GEOMETRY.digitRowSpacing,
      r: GEOMETRY.digitRadius,
    })),
  ).flat();
}

function writeInFields(width: number, digits: number): (Rect & { name: 'name' | 'student-number' })[] {
  const fieldWidth = width - 2 * GEOMETRY.margin - GEOMETRY.qrSize - 24 - (digits + 1) * GEOMETRY.digitSpacing - 24;
  return [
    { name: 'name', x: GEOMETRY.margin, y: GEOMETRY.margin + 24, width: fieldWidth, height: 22 },
    { name: 'student-number', x: GEOMETRY.margin, y: GEOMETRY.margin + 62, width: fieldWidth, height: 22 },
  ];
}

/** The canonical letter of an option from the printed label on a variant's sheet (the scanner's mapping back). */
export function canonicalOption(layout: SheetLayout, questionId: string, label: string): string | undefined {
  for (const page of layout.pages) {
    const bubble = page.bubbles.find((b) => b.questionId === questionId && b.label === label);
    if (bubble) return bubble.option;
  }
  return undefined;
}
