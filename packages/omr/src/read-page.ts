import {
  listQuestions,
  isChoiceQuestion,
  type Exam,
  type Rect,
  type Response,
  type SheetIdentity,
  type SheetLayout,
  type SheetPage,
} from '@examforge/core';
import type { GreyImage } from './grey-image.js';
import { cropImage, inkShare } from './image-ops.js';
import { circlesRect, grow, localScale, projectRect } from './geometry.js';
import { project, type Homography } from './homography.js';
import { applyMarkRule, type BubbleReading, type ReviewReason } from './mark-rule.js';
import { confirmRegistration } from './confirm-registration.js';
import { faintBesideDark } from './faint-beside-dark.js';
import { doubtRowsOfFaintPage } from './faint-page.js';
import { doubtRowsLostToThreshold } from './lost-to-threshold.js';
import { doubtLoneResidue } from './lone-residue.js';
import { isOneBit } from './one-bit.js';
import { doubtSwollenStrokes } from './swollen-strokes.js';
import { readBubbles } from './read-bubbles.js';
import { withoutScannerStreaks } from './scanner-streaks.js';
import {
  frameCorners,
  identifyPage,
  rotateHalfTurn,
  type PageReading,
  type UnidentifiedReason,
} from './page-identity.js';
import { assignCornerDiscs, findSolidDiscs, type DiscAssignment } from './discs-anywhere.js';
import { readStudentNumber, type StudentNumberReading } from './student-number.js';
import { readAnswerBox, type AnswerBoxReading } from './answer-boxes.js';

/** Which sheet a page belongs to: its identity without the page number. */
export type SheetKey = Omit<SheetIdentity, 'page'>;

/** What the reader needs to know about the exam being scanned. */
export interface ScanContext {
  readonly exam: Exam;
  /** The layout printed for a sheet (from the print manifest); undefined for a sheet this scan does not expect. */
  readonly layoutFor: (sheet: SheetKey) => SheetLayout | undefined;
}

/** One choice question as read from its row of bubbles, with the source's rule applied. */
export interface QuestionReading {
  readonly questionId: string;
  /** The number printed at the start of the row (the student's variant). */
  readonly printedNumber: string;
  readonly bubbles: readonly BubbleReading[];
  readonly response: Response;
  readonly review: readonly ReviewReason[];
  /** The row on the upright page image, in pixels (for crops and annotations). */
  readonly area: Rect;
}

export type PageResult =
  | { readonly kind: 'blank' }
  /** Ink but no corner marks or no readable code: a page of something else, or damaged; a person looks at it. */
  | { readonly kind: 'unknown'; readonly reason: UnknownPageReason }
  /** A sheet page of another exam, version or print run than this scan expects. */
  | { readonly kind: 'foreign'; readonly identity: SheetIdentity }
  | ReadPage;

/**
 * Why a page with ink could not be read: too few corner discs found either way up (`no-corner-marks`); three or more,
 * but neither QR code readable through them (`code-unreadable`); or an identified page whose printed bubbles were not
 * where the discs put them (`registration-unconfirmed`: it is not read through a registration that may be wrong).
 * The page's image goes to a person with the reason.
 */
export type UnknownPageReason = UnidentifiedReason | 'registration-unconfirmed';

export interface ReadPage {
  readonly kind: 'read';
  readonly identity: SheetIdentity;
  readonly upsideDown: boolean;
  readonly pageKind: SheetPage['kind'];
  readonly questions: readonly QuestionReading[];
  /** The student-number grid, on page 1. */
  readonly studentNumber?: StudentNumberReading;
  /**
   * What was read from the free-response boxes of the page (absent on a page of bubbles, and on readings stored
   * before boxes were read): the ink verdict and where each crop lies on the sheet. The crops themselves are in
   * `crops`, under the box's question id.
   */
  readonly answerBoxes?: readonly AnswerBoxReading[];
  /**
   * Crops (upright) of the rows and grid a person has to look at, by question id (or `student-number`), and of every
   * free-response box (by its question id; blank boxes too, for a grader who overrides the verdict).
   */
  readonly crops: Readonly<Record<string, GreyImage>>;
  /** The page turned upright, kept only when asked for (annotated images); it is large. */
  readonly image?: GreyImage;
}

export interface ReadPageOptions {
  /**
   * Keep the upright page image on the result (for annotated images) and the crops of its free-response boxes (for
   * grading); without it, boxes are only judged blank or written.
   */
  readonly keepImage?: boolean;
}

/** Below this share of dark pixels a page without corner marks is blank paper (a separator, a back side). */
const BLANK_INK_SHARE = 0.002;

/** Ways of assigning discs found anywhere in a photo to corners that are tried, best first (each costs a code read). */
const MOST_ASSIGNMENTS = 2;

/**
 * Reads one scanned page: paints out a sheet feeder's streaks, finds its corner marks and QR code (turning it if it
 * was fed upside down; three discs, or two, and the backup code serve when some are damaged; in a photo framed loosely
 * or turned, the discs are found anywhere), looks up the layout printed for it, confirms a registration made from fewer than four agreeing discs against the printed bubbles (a
 * page they do not confirm is `unknown`), reads every bubble and applies the mark rule question by question, reads the
 * student-number grid on page 1, cuts out what a person must review, and cuts out every free-response box with
 * whether it was written in. Pure: the page image in, values out.
 *
 * @example
 * const result = readPage(image, { exam, layoutFor: () => layout });
 */
export function readPage(scanned: GreyImage, context: ScanContext, options: ReadPageOptions = {}): PageResult {
  // A feeder's streak runs through bubbles as a stroke would, and through codes and corner discs: painted out first.
  const scan = withoutScannerStreaks(scanned);
  const registered = registerInFrame(scan, context);
  if (registered.kind === 'unidentified')
    return inkShare(scan) < BLANK_INK_SHARE ? { kind: 'blank' } : { kind: 'unknown', reason: registered.reason };
  if (registered.kind !== 'registered') return registered;
  const { identity, located, page, homography } = registered;
  const upright = located.image;
  const questions = readQuestions(upright, homography, page, context.exam);
  const studentNumber =
    page.digitBubbles.length > 0 ? readStudentNumber(upright, homography, page.digitBubbles) : undefined;
  const crops: Record<string, GreyImage> = {};
  for (const question of questions)
    if (question.review.length > 0)
      crops[question.questionId] = cropImage(upright, grow(question.area, question.area.height * 0.3));
  const numberUnread = studentNumber && (studentNumber.review || studentNumber.digits === '');
  if (studentNumber && identity.studentNumber === '' && numberUnread)
    crops['student-number'] = cropImage(upright, grow(studentNumber.area, 8));
  const answerBoxes = page.boxes.map((box) => {
    const { crop, reading } = readAnswerBox(upright, homography, box, { keepCrop: options.keepImage === true });
    if (crop) crops[box.questionId] = crop;
    return reading;
  });
  return {
    kind: 'read',
    identity,
    upsideDown: located.upsideDown,
    pageKind: page.kind,
    questions,
    ...(studentNumber ? { studentNumber } : {}),
    ...(answerBoxes.length > 0 ? { answerBoxes } : {}),
    crops,
    ...(options.keepImage ? { image: upright } : {}),
  };
}

/** A page identified, its layout found and its registration confirmed: ready to be read. */
interface Registered {
  readonly kind: 'registered';
  readonly identity: SheetIdentity;
  readonly located: PageReading;
  readonly page: SheetPage;
  readonly homography: Homography;
}

type Registration =
  | Registered
  | { readonly kind: 'unidentified'; readonly reason: UnidentifiedReason }
  | Extract<PageResult, { kind: 'unknown' | 'foreign' }>;

/**
 * Registers the page through the corner discs found near the image's corners, as on a scan; failing that, through
 * solid discs found anywhere in it, either way up (a photo framed loosely, turned further than a scan or cut by the
 * frame). The first failure is the one reported.
 */
function registerInFrame(scan: GreyImage, context: ScanContext): Registration {
  const whole = registerPage(scan, context);
  if (whole.kind === 'registered' || whole.kind === 'foreign') return whole;
  const discs = findSolidDiscs(scan);
  for (const image of [scan, rotateHalfTurn(scan)]) {
    const found =
      image === scan ? discs : discs.map((d) => ({ ...d, x: scan.width - 1 - d.x, y: scan.height - 1 - d.y }));
    const assignments = (['A4', 'Letter'] as const).flatMap((size) => assignCornerDiscs(found, frameCorners(size)));
    for (const assignment of assignments.slice(0, MOST_ASSIGNMENTS)) {
      const anywhere = registerPage(image, context, assignment);
      if (anywhere.kind === 'registered') return anywhere;
    }
  }
  return whole;
}

/** Identifies the page by its corner discs and codes, looks up its layout and confirms the registration. */
function registerPage(image: GreyImage, context: ScanContext, found?: DiscAssignment): Registration {
  const first = identifyPage(image, undefined, found);
  if ('reason' in first) return { kind: 'unidentified', reason: first.reason };
  const { identity } = first;
  const layout = identity.examId === context.exam.id ? context.layoutFor(keyOf(identity)) : undefined;
  const page = layout?.pages[identity.page - 1];
  if (!layout || !page) return { kind: 'foreign', identity };
  // The corner discs and codes sit alike on A4 and Letter, so a page whose image has the other size's shape (a fax,
  // a photo) is identified through the wrong frame: registered again with its own, the bubbles fall into place.
  const located = layout.pageSize === first.pageSize ? first : identifyPage(image, layout.pageSize, found);
  if ('reason' in located) return { kind: 'unknown', reason: located.reason };
  const homography = confirmRegistration(located.image, located, page);
  if (!homography) return { kind: 'unknown', reason: 'registration-unconfirmed' };
  return { kind: 'registered', identity, located, page, homography };
}

export function keyOf(identity: SheetIdentity | SheetKey): SheetKey {
  return {
    examId: identity.examId,
    version: identity.version,
    variant: identity.variant,
    studentNumber: identity.studentNumber,
  };
}

/** A page's question rows, each its bubbles. */
type PageRows = readonly (readonly BubbleReading[])[];

/**
 * The page as a whole, in order: on a one-bit capture, a page of mostly unanswered rows may have lost a pencil's fills;
 * on a one-bit capture of a solid hand, a fill with a bare patch may be a cross or partial fill the threshold swelled;
 * a page of faint ink may be a faint hand, a lightened or thinned copy, or a student who half-fills every bubble; a
 * row whose only mark is residue half as dark as the page's fills may be a fill a copier lightened. Each rule only
 * lowers confidences (a person looks); `oneBit` is whether the page was captured one bit a pixel.
 */
const PAGE_RULES: readonly ((rows: PageRows, oneBit: boolean) => PageRows)[] = [
  doubtRowsLostToThreshold,
  doubtSwollenStrokes,
  doubtRowsOfFaintPage,
  doubtLoneResidue,
];

function readQuestions(image: GreyImage, homography: Homography, page: SheetPage, exam: Exam): QuestionReading[] {
  const rows = new Map<string, BubbleReading[]>();
  const spots = page.bubbles.map((bubble) => ({
    ...project(homography, bubble),
    r: bubble.r * localScale(homography, bubble),
  }));
  const oneBit = isOneBit(image);
  const readings = readBubbles(image, spots, oneBit);
  page.bubbles.forEach((bubble, index) => {
    const { x, y, r } = spots[index] ?? { x: 0, y: 0, r: 0 };
    const reading = readings[index];
    if (!reading) return;
    const row = rows.get(bubble.questionId) ?? [];
    row.push({ option: bubble.option, label: bubble.label, x, y, r, reading });
    rows.set(bubble.questionId, row);
  });
  const questions = new Map(listQuestions(exam).map(({ question }) => [question.id, question]));
  const choiceRows = [...rows].flatMap(([questionId, bubbles]) => {
    const question = questions.get(questionId);
    return question && isChoiceQuestion(question) ? [{ question, bubbles: faintBesideDark(bubbles) }] : [];
  });
  const judged = PAGE_RULES.reduce<PageRows>(
    (judgedSoFar, rule) => rule(judgedSoFar, oneBit),
    choiceRows.map((row) => row.bubbles),
  );
  return choiceRows.map(({ question }, index) => {
    const bubbles = judged[index] ?? [];
    const label = page.rowLabels.find((row) => row.questionId === question.id);
    const { response, review } = applyMarkRule(question, bubbles);
    const area = rowArea(homography, page, question.id);
    return { questionId: question.id, printedNumber: label?.text ?? '', bubbles, response, review, area };
  });
}

/** The row of a question (its number and bubbles) as a pixel rectangle on the page image. */
function rowArea(homography: Homography, page: SheetPage, questionId: string): Rect {
  const bubbles = page.bubbles.filter((bubble) => bubble.questionId === questionId);
  const label = page.rowLabels.find((row) => row.questionId === questionId);
  const row = circlesRect(label ? [...bubbles, { x: label.x + 4, y: label.y, r: 4 }] : bubbles, 1.6);
  return projectRect(homography, row);
}
