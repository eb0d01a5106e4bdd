import { layoutAnswerSheet, makeVariant, seededRandom, type SheetPage } from '@examforge/core';
import { renderAnswerSheet } from '@examforge/paper';
import { FIRST_PAGE, rasterise } from '../../../paper/src/test-support/rasterise.js';
import type { MarkKind, MarkReading } from '../classify-mark.js';
import { isOneBit } from '../one-bit.js';
import { readBubbles } from '../read-bubbles.js';
import { findCornerMarks } from '../corner-marks.js';
import { otsuThreshold, type GreyImage } from '../grey-image.js';
import { fitHomography, project } from '../homography.js';
import { painter, type SyntheticMark, type Tool } from './synthetic-marks.js';
import { bundledExam } from './bundled-exam.js';

import { REVIEW_BELOW } from '../mark-rule.js';

export { REVIEW_BELOW };

const NOISE: ReadonlySet<string> = new Set(['empty', 'erased', 'smeared', 'dot', 'erasure']);

/**
 * Whether a reading names what was drawn. Dots, erasure residue and nothing are all noise, never marks: reading a dot
 * as empty is as right as reading it as a dot.
 */
export function readsAs(truth: SyntheticMark, kind: MarkKind): boolean {
  return NOISE.has(truth) ? NOISE.has(kind) : truth === kind;
}

export const isNoise = (kind: SyntheticMark | MarkKind): boolean => NOISE.has(kind);

const exam = bundledExam;
const variant = makeVariant(exam, 'omr', { shuffleQuestions: false, shuffleOptions: false });
export const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
export const sheetPage: SheetPage = layout.pages[0]!;

/** Every bubble of the page: the choice questions' and the student-number grid's (each digit column a question). */
export const bubbles: readonly { group: string; option: string; x: number; y: number; r: number }[] = [
  ...sheetPage.bubbles.map((b) => ({ group: b.questionId, option: b.option, x: b.x, y: b.y, r: b.r })),
  ...sheetPage.digitBubbles.map((b) => ({
    group: `digit-${b.column}`,
    option: String(b.digit),
    x: b.x,
    y: b.y,
    r: b.r,
  })),
];

/** The bundled exam's first answer-sheet page, printed and rasterised by pdftoppm at `dpi`. */
export async function printedSheet(dpi: number): Promise<GreyImage> {
  const pdf = await renderAnswerSheet(layout, {
    title: exam.title,
    identity: { examId: exam.id, version: 1, variant: 'omr', studentNumber: '' },
  });
  const [page] = rasterise(pdf, dpi, FIRST_PAGE);
  if (!page) throw new Error('no page');
  return page;
}

/**
 * Ground truth for every bubble of the page: about one question in seven left blank (each bubble clean or holding
 * erasure residue); in the others each bubble holds a mark of any kind, residue or nothing.
 */
export function chooseMarks(seed: string): SyntheticMark[] {
  const random = seededRandom(seed);
  const kinds: readonly SyntheticMark[] = ['filled', 'partial', 'tick', 'cross', 'empty', 'erased', 'dot'];
  const blank = new Map<string, boolean>();
  return bubbles.map((bubble) => {
    if (!blank.has(bubble.group)) blank.set(bubble.group, random() < 0.15);
    if (blank.get(bubble.group)) return (['empty', 'erased', 'dot'] as const)[Math.floor(random() * 3)]!;
    return kinds[Math.floor(random() * kinds.length)]!;
  });
}

/** One `mark` in every question row (the option drawn by `seed`), every other bubble empty. */
export function oneMarkPerRow(seed: string, mark: SyntheticMark = 'filled'): SyntheticMark[] {
  const random = seededRandom(seed);
  const chosen = new Map<string, string>();
  for (const group of new Set(bubbles.map((bubble) => bubble.group))) {
    const options = bubbles.filter((bubble) => bubble.group === group).map((bubble) => bubble.option);
    chosen.set(group, options[Math.floor(random() * options.length)] ?? '');
  }
  return bubbles.map((bubble) =>
    !bubble.group.startsWith('digit-') && chosen.get(bubble.group) === bubble.option ? mark : 'empty',
  );
}

/** A copy of the printed sheet with the marks drawn in, with one tool (chosen at random for the sheet unless given). */
export function markedSheet(
  printed: GreyImage,
  dpi: number,
  truth: readonly SyntheticMark[],
  seed: string,
  tool: Tool | 'any' = 'any',
) {
  const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  const scale = dpi / 72;
  // A student marks a whole sheet with one pen or pencil.
  const roll = seededRandom(`tool-${seed}`)();
  const sheetTool: Tool =
    tool !== 'any' ? tool : roll < 0.3 ? 'pen' : roll < 0.45 ? 'pencil' : roll < 0.85 ? 'graphite' : 'felt';
  const paint = painter(image, seed, sheetTool);
  bubbles.forEach((bubble, index) => paint.mark(truth[index]!, bubble.x * scale, bubble.y * scale, bubble.r * scale));
  return image;
}

/** Registers the scan by its corner discs (as the reader does) and reads every bubble; undefined if no corners. */
export function readSheet(image: GreyImage): MarkReading[] | undefined {
  const corners = findCornerMarks(image, sheetPage.cornerMarks, layout.width, otsuThreshold(image));
  if (!corners) return undefined;
  const homography = fitHomography(sheetPage.cornerMarks, corners);
  const spots = bubbles.map((bubble) => {
    const centre = project(homography, bubble);
    const rim = project(homography, { x: bubble.x + bubble.r, y: bubble.y });
    const rimY = project(homography, { x: bubble.x, y: bubble.y + bubble.r });
    const r = (Math.hypot(rim.x - centre.x, rim.y - centre.y) + Math.hypot(rimY.x - centre.x, rimY.y - centre.y)) / 2;
    return { ...centre, r };
  });
  return readBubbles(image, spots, isOneBit(image));
}

/** The question bubbles of the sheet (the student-number grid left out), in the sheet's order. */
export const questionBubbles = bubbles.filter((bubble) => !bubble.group.startsWith('digit'));

/** The readings of the question bubbles of a sheet image (`readSheet`), in `questionBubbles`' order. */
export function readQuestionBubbles(image: GreyImage): MarkReading[] {
  const readings = readSheet(image);
  if (!readings) throw new Error('corner marks not found');
  return questionBubbles.map((bubble) => readings[bubbles.indexOf(bubble)]).filter((reading) => reading !== undefined);
}

/** Counts of what was read, against the truth, with the failures described. */
export class Tally {
  readonly perClass = new Map<SyntheticMark, { total: number; correct: number; review: number }>();
  total = 0;
  correct = 0;
  review = 0;
  readonly confidentlyWrong: string[] = [];
  readonly invalidAccepted: string[] = [];
  /** Dots and erasure residue read with confidence as a mark (filled, partial, tick or cross). */
  readonly noiseAsMark: string[] = [];
  /**
   * Readings sure of the wrong answer: a fill read as no fill, or anything else read as a fill, with the confidence
   * that decides a score (`fillConfidence`) at 0.5 or more. Doubt between marks that are not answers is not counted.
   */
  readonly answerWrong: string[] = [];
  /** Bubbles sent to a person because it is unsure whether they are a fill. */
  answerReview = 0;
  readonly blankQuestionFilled: string[] = [];
  readonly erasureFlags = { erased: 0, erasedFlagged: 0, clean: 0, cleanFlagged: 0 };

  add(sheet: string, truth: readonly SyntheticMark[], readings: readonly MarkReading[]): void {
    const blank = new Map<string, boolean>();
    bubbles.forEach((bubble, index) => {
      const isBlank = isNoise(truth[index]!);
      blank.set(bubble.group, (blank.get(bubble.group) ?? true) && isBlank);
    });
    bubbles.forEach((bubble, index) => {
      const expected = truth[index]!;
      const reading = readings[index]!;
      const label = `${sheet} ${bubble.group}/${bubble.option}: ${expected} read as ${reading.kind} (${reading.confidence.toFixed(2)}) ${JSON.stringify(reading.features)}`;
      this.count(expected, reading, label);
      const answer = reading.kind === 'filled' && reading.fillConfidence >= REVIEW_BELOW;
      if (answer && blank.get(bubble.group)) this.blankQuestionFilled.push(label);
    });
  }

  private count(expected: SyntheticMark, reading: MarkReading, label: string): void {
    if (reading.fillConfidence < REVIEW_BELOW) this.answerReview += 1;
    else if ((reading.kind === 'filled') !== (expected === 'filled')) this.answerWrong.push(label);
    const entry = this.perClass.get(expected) ?? { total: 0, correct: 0, review: 0 };
    this.perClass.set(expected, entry);
    entry.total += 1;
    this.total += 1;
    const invalid = expected === 'partial' || expected === 'tick' || expected === 'cross';
    if (reading.kind === 'filled' && invalid && reading.fillConfidence >= REVIEW_BELOW)
      this.invalidAccepted.push(label);
    if (reading.confidence < REVIEW_BELOW) {
      entry.review += 1;
      this.review += 1;
    } else if (readsAs(expected, reading.kind)) {
      entry.correct += 1;
      this.correct += 1;
    } else {
      this.confidentlyWrong.push(label);
      if (expected === 'dot' || expected === 'erased' || expected === 'smeared') this.noiseAsMark.push(label);
    }
    if (expected === 'erased' || expected === 'empty') {
      const flags = this.erasureFlags;
      const flagged = reading.kind === 'erasure' ? 1 : 0;
      if (expected === 'erased')
        [flags.erased, flags.erasedFlagged] = [flags.erased + 1, flags.erasedFlagged + flagged];
      else [flags.clean, flags.cleanFlagged] = [flags.clean + 1, flags.cleanFlagged + flagged];
    }
  }

  summary(name: string): string {
    const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(2)} %`;
    const classes = [...this.perClass]
      .map(([kind, c]) => `${kind} ${c.correct}/${c.total} (review ${c.review})`)
      .join(', ');
    const f = this.erasureFlags;
    return (
      `${name}: ${this.total} bubbles, ${percent(this.correct, this.total)} read correctly with confidence, ` +
      `${percent(this.review, this.total)} to review, ${this.confidentlyWrong.length} confidently wrong, ` +
      `${this.invalidAccepted.length} invalid marks and ${this.blankQuestionFilled.length} bubbles of blank questions read as filled, ` +
      `${this.noiseAsMark.length} dots or erasures read as marks, ${this.answerWrong.length} sure of the wrong answer, ` +
      `${percent(this.answerReview, this.total)} unsure whether filled; ${classes}; ` +
      `erasure read on ${f.erasedFlagged}/${f.erased} erased and ${f.cleanFlagged}/${f.clean} clean empties`
    );
  }
}
