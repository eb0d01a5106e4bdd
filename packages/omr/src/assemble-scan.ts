import { MISSING, type Response, type SheetIdentity, type SheetLayout } from '@examforge/core';
import type { MarkKind } from './classify-mark.js';
import type { GreyImage } from './grey-image.js';
import type { ReviewReason } from './mark-rule.js';
import { questionsOnPage } from './questions-on-page.js';
import { keyOf, type PageResult, type QuestionReading, type ReadPage, type SheetKey } from './read-page.js';

/**
 * A scan page that could not be read at all (ink, but no sheet found on it): a person must look at its image to
 * learn whose page it is. It carries what the reader said about the page (why it was not read).
 */
export type UnreadPage = { readonly scanPage: number } & Omit<Extract<PageResult, { kind: 'unknown' }>, 'kind'>;

/** Something about a scan batch a person should know; nothing is dropped silently. */
export type ScanAnomaly =
  | { readonly kind: 'blank'; readonly scanPage: number }
  | ({ readonly kind: 'unknown' } & UnreadPage)
  | { readonly kind: 'foreign'; readonly scanPage: number; readonly identity: SheetIdentity }
  | { readonly kind: 'upside-down'; readonly scanPage: number; readonly sheet: string }
  | {
      readonly kind: 'duplicate';
      readonly scanPage: number;
      readonly firstSeen: number;
      readonly sheet: string;
      /** The sheet's page number that came twice. */
      readonly page: number;
    }
  | {
      readonly kind: 'missing';
      readonly sheet: string;
      readonly page: number;
      /** The choice questions printed on that page: their answers are `missing` (not read), never blank. */
      readonly questions: readonly string[];
    }
  | { readonly kind: 'student-number-unread'; readonly scanPage: number; readonly sheet: string };

/** One student's sheet put back together from its pages. */
export interface ReadSheet {
  /** `exam|version|variant|student`: unique within a scan. */
  readonly key: string;
  readonly identity: SheetKey;
  /** Printed in the QR code, or read from the student-number grid of a generic sheet. */
  readonly studentNumberFrom: 'printed' | 'grid';
  /** Sheet page number → the scan page (1-based) it came from. */
  readonly pages: ReadonlyMap<number, number>;
  readonly questions: readonly (QuestionReading & { readonly scanPage: number })[];
  /**
   * The responses under the mark rule, by question id, ready to score (free-response questions are not read). A
   * choice question on a page of the sheet that was not read is `missing`: not read, which is not blank.
   */
  readonly answers: Readonly<Record<string, Response>>;
}

/** A reading a person must confirm or correct before it counts. */
export interface ReviewItem {
  /** `sheet key#question id`: stable across re-reads of the same scan. */
  readonly id: string;
  readonly sheet: string;
  readonly studentNumber: string;
  /** A question id, or `student-number` for the grid of a generic sheet. */
  readonly questionId: string;
  readonly printedNumber: string;
  readonly scanPage: number;
  readonly reasons: readonly (ReviewReason | 'student-number')[];
  readonly bubbles: readonly {
    readonly option: string;
    readonly label: string;
    readonly kind: MarkKind;
    readonly confidence: number;
  }[];
  /** What counts until a person decides (unsure marks as `unclear`); for the grid, the digits read. */
  readonly proposed: Response | string;
  readonly crop?: GreyImage;
}

export interface ScanResult {
  readonly sheets: readonly ReadSheet[];
  readonly anomalies: readonly ScanAnomaly[];
  /** Readings a person must confirm: each belongs to a sheet and a question. */
  readonly review: readonly ReviewItem[];
  /**
   * Pages a person must look at because they could not be read at all (no sheet found on them): each may be the
   * page a sheet is missing, whose questions are then `missing`.
   */
  readonly unreadPages: readonly UnreadPage[];
}

interface SheetUnderConstruction {
  readonly identity: SheetKey;
  readonly studentNumberFrom: 'printed' | 'grid';
  readonly pages: Map<number, number>;
  readonly questions: (QuestionReading & { scanPage: number })[];
}

/**
 * Puts the pages of a scan batch back together, in whatever order, orientation and number they came: one sheet per
 * (exam, version, variant, student), each page once. Duplicates keep the first copy. Every odd page (blank, unknown,
 * foreign, upside down, duplicated), every missing page and every unread student number is reported, and every
 * reading that needs a person is put on the review list, as is every page that could not be read at all. The layout
 * printed for each sheet (`layoutFor`, as in the reader's context) says how many pages it has and which questions each
 * holds: the choice questions of a page the sheet is missing are `missing`, never blank. Generic sheets (no printed
 * student) take their number from the grid on page 1, and their later pages follow page 1 in feed order.
 *
 * @example
 * const { sheets, anomalies, review, unreadPages } = assembleScan(
 *   pages.map((image) => readPage(image, context)),
 *   context.layoutFor,
 * );
 */
export function assembleScan(
  pages: readonly PageResult[],
  layoutFor: (sheet: SheetKey) => SheetLayout | undefined,
): ScanResult {
  const sheets = new Map<string, SheetUnderConstruction>();
  const anomalies: ScanAnomaly[] = [];
  const review: ReviewItem[] = [];
  const unreadPages: UnreadPage[] = [];
  let lastGeneric: string | undefined;
  pages.forEach((page, index) => {
    const scanPage = index + 1;
    if (page.kind === 'unknown') {
      const { kind: _kind, ...detail } = page;
      unreadPages.push({ ...detail, scanPage });
      return void anomalies.push({ kind: 'unknown', ...detail, scanPage });
    }
    if (page.kind !== 'read') {
      anomalies.push(
        page.kind === 'foreign'
          ? { kind: 'foreign', scanPage, identity: page.identity }
          : { kind: page.kind, scanPage },
      );
      return;
    }
    const generic = page.identity.studentNumber === '';
    const key = generic ? genericKey(page, scanPage, lastGeneric) : sheetKeyText(keyOf(page.identity));
    if (generic && page.identity.page === 1) lastGeneric = key;
    const sheet = sheets.get(key) ?? newSheet(page, key, generic);
    sheets.set(key, sheet);
    if (page.upsideDown) anomalies.push({ kind: 'upside-down', scanPage, sheet: key });
    const firstSeen = sheet.pages.get(page.identity.page);
    if (firstSeen !== undefined)
      return void anomalies.push({ kind: 'duplicate', scanPage, firstSeen, sheet: key, page: page.identity.page });
    sheet.pages.set(page.identity.page, scanPage);
    sheet.questions.push(...page.questions.map((question) => ({ ...question, scanPage })));
    review.push(...reviewItems(page, key, sheet.identity.studentNumber, scanPage));
    if (generic && page.identity.page === 1 && !gridNumber(page))
      anomalies.push({ kind: 'student-number-unread', scanPage, sheet: key });
  });
  const finished = [...sheets].map(([key, sheet]) => {
    const missing = missingPages(sheet, layoutFor(sheet.identity));
    anomalies.push(
      ...missing.map(({ page, questions }) => ({ kind: 'missing' as const, sheet: key, page, questions })),
    );
    return finishSheet(key, sheet, missing);
  });
  return { sheets: finished, anomalies, review, unreadPages };
}

/** The pages of a sheet's layout that no scan page gave, with the choice questions printed on each. */
function missingPages(
  sheet: SheetUnderConstruction,
  layout: SheetLayout | undefined,
): { readonly page: number; readonly questions: readonly string[] }[] {
  return (layout?.pages ?? [])
    .filter((page) => !sheet.pages.has(page.number))
    .map((page) => ({ page: page.number, questions: questionsOnPage(page) }));
}

export function sheetKeyText(key: SheetKey): string {
  return [key.examId, key.version, key.variant, key.studentNumber].join('|');
}

/** The student number a sheet key names (the last field of `sheetKeyText`); empty for a generic sheet. */
export function studentOfSheetKey(sheet: string): string {
  return sheet.slice(sheet.lastIndexOf('|') + 1);
}

/** A generic page 1 is keyed by the number in its grid (or by its scan page when unread); later pages follow it. */
function genericKey(page: ReadPage, scanPage: number, lastGeneric: string | undefined): string {
  if (page.identity.page !== 1 && lastGeneric !== undefined) return lastGeneric;
  return sheetKeyText({ ...keyOf(page.identity), studentNumber: gridNumber(page) ?? `unread-scan-page-${scanPage}` });
}

/** The number in the grid when it reads cleanly; undefined when blank or unsure. */
function gridNumber(page: ReadPage): string | undefined {
  const grid = page.studentNumber;
  return grid && !grid.review && grid.digits !== '' ? grid.digits : undefined;
}

function newSheet(page: ReadPage, key: string, generic: boolean): SheetUnderConstruction {
  return {
    identity: { ...keyOf(page.identity), studentNumber: studentOfSheetKey(key) },
    studentNumberFrom: generic ? 'grid' : 'printed',
    pages: new Map(),
    questions: [],
  };
}

function reviewItems(page: ReadPage, sheet: string, studentNumber: string, scanPage: number): ReviewItem[] {
  const items: ReviewItem[] = page.questions
    .filter((question) => question.review.length > 0)
    .map((question) => ({
      id: `${sheet}#${question.questionId}`,
      sheet,
      studentNumber,
      questionId: question.questionId,
      printedNumber: question.printedNumber,
      scanPage,
      reasons: question.review,
      bubbles: question.bubbles.map(({ option, label, reading }) => ({
        option,
        label,
        kind: reading.kind,
        confidence: reading.confidence,
      })),
      proposed: question.response,
      ...(page.crops[question.questionId] ? { crop: page.crops[question.questionId] } : {}),
    }));
  const grid = page.studentNumber;
  if (page.identity.studentNumber === '' && grid && !gridNumber(page)) {
    const crop = page.crops['student-number'];
    items.unshift({
      id: `${sheet}#student-number`,
      sheet,
      studentNumber,
      questionId: 'student-number',
      printedNumber: '',
      scanPage,
      reasons: ['student-number'],
      bubbles: [],
      proposed: grid.digits,
      ...(crop ? { crop } : {}),
    });
  }
  return items;
}

function finishSheet(
  key: string,
  sheet: SheetUnderConstruction,
  missing: readonly { readonly questions: readonly string[] }[],
): ReadSheet {
  const answers: Record<string, Response> = {};
  for (const { questions } of missing) for (const questionId of questions) answers[questionId] = MISSING;
  for (const question of sheet.questions) answers[question.questionId] = question.response;
  return { key, ...sheet, answers };
}
