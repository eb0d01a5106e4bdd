/**
 * Reads every page of the independent set with the reader's public API (`readPage`) and scores each bubble against
 * its truth. Dots, erasures and empty bubbles are all noise to an answer: reading any of them as any other is right.
 * Beside the exact kind, the reading is scored as the score sees it: a complete fill, a mark that is not an answer
 * (partial, tick or cross: every policy treats them alike), or noise — a tick read as a partial fill changes no score.
 * A reading below confidence 0.5 goes to a person, so it is neither right nor a confident error. Bubbles on a page
 * the reader could not identify count as not read (in the denominator, never right).
 */
import { readPage, type ScanContext } from '@examforge/omr';
import { CAPTURE_KINDS, type CaptureKind } from './capture.js';
import { writeCrops, type ErrorCrop } from './crops.js';
import type { MarkKind } from './draw-mark.js';
import { handById, toolGroup, type ToolGroup } from './hands.js';
import { independentSet, type IndependentSetOptions } from './independent-set.js';

const CONFIDENT = 0.5;
/**
 * A complete fill the capture left without ink: under this mean darkness inside the ring where the reader placed the
 * bubble (on a one-bit page, under 5 % of its pixels black). A fax's threshold erases a light pencil so; no reader and
 * no person can see such a fill, nor which bubble of its row held it, which bounds what a capture can score.
 */
const WITHOUT_INK = 0.05;
const KINDS: readonly MarkKind[] = ['filled', 'partial', 'tick', 'cross', 'dot', 'erasure', 'empty'];
const NOISE: ReadonlySet<string> = new Set(['dot', 'erasure', 'empty']);
const INVALID: ReadonlySet<string> = new Set(['partial', 'tick', 'cross']);
const MARK: ReadonlySet<string> = new Set(['filled', 'partial', 'tick', 'cross']);
/** What a kind is to a score: an answer, a mark that is not one, or nothing. */
const scoredAs = (kind: string) => (kind === 'filled' ? 'answer' : INVALID.has(kind) ? 'invalid' : 'noise');
const TOOLS: readonly ToolGroup[] = ['HB pencil', 'soft pencil', 'ballpoint', 'felt-tip'];

export type Row = Record<string, string | number>;

export interface IndependentMeasurement {
  /** Per capture and resolution, then overall (the `input` column names the group). */
  readonly rows: readonly Row[];
  /** Per capture, all resolutions together. */
  readonly byCapture: readonly Row[];
  /** Truth (rows) × reading (columns), overall. */
  readonly confusion: readonly Row[];
  /** Complete fills by tool, on the pages the reader identified. */
  readonly byTool: readonly Row[];
  /** Confident readings the score sees differently from the truth, by truth → reading (rows) and capture (columns). */
  readonly scoreErrors: readonly Row[];
  readonly pages: number;
  readonly bubbles: number;
  readonly hands: number;
  /** Seconds spent drawing pages not yet cached (0 when all came from the cache). */
  readonly generationSeconds: number;
  /** readPage calls per second on this thread. */
  readonly pagesPerSecond: number;
}

export interface MeasureOptions extends Omit<IndependentSetOptions, 'onPage'> {
  /** How many 4× crops of confident errors to write to bench/results/independent-crops/ (default 24; 0: none). */
  readonly crops?: number;
  readonly log?: (line: string) => void;
}

interface ToolTally {
  bubbles: number;
  correct: number;
  readFilled: number;
  review: number;
  errors: number;
  /** Of these, on clean and office scans. */
  scanned: number;
  scannedCorrect: number;
}

class Tally {
  pages = 0;
  unread = 0;
  cut = 0;
  bubbles = 0;
  correct = 0;
  scoredRight = 0;
  confidentErrors = 0;
  confidentScoreErrors = 0;
  invalidAsFilled = 0;
  noiseAsMark = 0;
  filledMissed = 0;
  filledWithoutInk = 0;
  rowsWithoutInkBubbles = 0;
  questionRows = 0;
  reviewRows = 0;
  readSeconds = 0;

  row(input: string): Row {
    const percent = (part: number, whole: number) => (whole === 0 ? 0 : Number(((100 * part) / whole).toFixed(2)));
    return {
      input,
      pages: this.pages,
      bubbles: this.bubbles,
      'correct with confidence %': percent(this.correct, this.bubbles),
      'confident errors': this.confidentErrors,
      'scored right with confidence %': percent(this.scoredRight, this.bubbles),
      'confident score errors': this.confidentScoreErrors,
      'invalid read as filled': this.invalidAsFilled,
      'noise read as mark': this.noiseAsMark,
      'fill read as noise': this.filledMissed,
      'fills left without ink': this.filledWithoutInk,
      'bubbles of their rows': this.rowsWithoutInkBubbles,
      'review % of rows': percent(this.reviewRows, this.questionRows),
      'pages not identified': this.unread,
      'cut pages': this.cut,
      'read ms/page': this.pages === 0 ? 0 : Math.round((1000 * this.readSeconds) / this.pages),
    };
  }
}

export async function measureIndependentSet(options: MeasureOptions = {}): Promise<IndependentMeasurement> {
  const log = options.log ?? (() => undefined);
  let generationSeconds = 0;
  let pageStarted = performance.now();
  const set = independentSet({
    ...options,
    onPage: (page, generated) => {
      if (generated) generationSeconds += (performance.now() - pageStarted) / 1000;
      if (generated && page.index % 20 === 0) log(`  drew page ${page.index + 1} (${page.capture} ${page.dpi} dpi)`);
    },
  });
  const context: ScanContext = { exam: set.exam, layoutFor: (key) => set.layouts.get(key.variant) };
  const groups = new Map<string, Tally>();
  const captures = new Map<CaptureKind, Tally>();
  const overall = new Tally();
  const confusion = new Map<MarkKind, Map<string, number>>(KINDS.map((kind) => [kind, new Map()]));
  const scoreErrors = new Map<string, Map<CaptureKind, number>>();
  const tools = new Map<ToolGroup, ToolTally>();
  const hands = new Set<string>();
  const errors: ErrorCrop[] = [];
  for await (const page of set.pages()) {
    page.hands.forEach((hand) => hands.add(hand));
    const band = page.capture === 'phone' || page.capture === 'harsh' ? Math.round(page.dpi / 50) * 50 : page.dpi;
    const key = `${page.capture} ${band} dpi`;
    const tallies = [groupOf(groups, key), groupOf(captures, page.capture), overall];
    const started = performance.now();
    const result = readPage(page.image, context, {});
    const seconds = (performance.now() - started) / 1000;
    const read = result.kind === 'read' && result.identity.variant === page.variant ? result : undefined;
    for (const tally of tallies) {
      tally.pages += 1;
      tally.readSeconds += seconds;
      tally.bubbles += page.truth.length;
      if (!read) tally.unread += 1;
      if (page.cut) tally.cut += 1;
      if (read) {
        tally.questionRows += read.questions.length;
        tally.reviewRows += read.questions.filter((question) => question.review.length > 0).length;
      }
    }
    const questions = new Map(read?.questions.map((question) => [question.questionId, question]));
    const readingOf = (truth: { questionId: string; option: string }) =>
      questions.get(truth.questionId)?.bubbles.find((bubble) => bubble.option === truth.option)?.reading;
    // A row whose fill the capture erased cannot be read by anyone: each of its bubbles may be the lost answer.
    const inkless = new Set(
      page.truth
        .filter((truth) => truth.kind === 'filled' && (readingOf(truth)?.features.mean ?? 1) < WITHOUT_INK)
        .map((truth) => truth.questionId),
    );
    for (const truth of page.truth) {
      const reading = readingOf(truth);
      const counts = confusion.get(truth.kind);
      const column = !read ? 'page not identified' : reading ? reading.kind : 'no reading';
      counts?.set(column, (counts.get(column) ?? 0) + 1);
      if (reading && reading.confidence < CONFIDENT)
        counts?.set('confidence < 0.5', (counts.get('confidence < 0.5') ?? 0) + 1);
      const confident = reading !== undefined && reading.confidence >= CONFIDENT;
      const right =
        reading !== undefined && (reading.kind === truth.kind || (NOISE.has(truth.kind) && NOISE.has(reading.kind)));
      for (const tally of tallies) {
        if (confident && right) tally.correct += 1;
        if (confident && !right) tally.confidentErrors += 1;
        const scoredRight = confident && scoredAs(reading.kind) === scoredAs(truth.kind);
        if (scoredRight) tally.scoredRight += 1;
        if (confident && !scoredRight) tally.confidentScoreErrors += 1;
        if (confident && INVALID.has(truth.kind) && reading.kind === 'filled') tally.invalidAsFilled += 1;
        if (confident && (truth.kind === 'dot' || truth.kind === 'erasure') && MARK.has(reading.kind))
          tally.noiseAsMark += 1;
        if (confident && truth.kind === 'filled' && NOISE.has(reading.kind)) tally.filledMissed += 1;
        if (truth.kind === 'filled' && reading && reading.features.mean < WITHOUT_INK) tally.filledWithoutInk += 1;
        if (inkless.has(truth.questionId)) tally.rowsWithoutInkBubbles += 1;
      }
      if (confident && scoredAs(reading.kind) !== scoredAs(truth.kind)) {
        const pair = scoreErrors.get(`${truth.kind} → ${reading.kind}`) ?? new Map<CaptureKind, number>();
        scoreErrors.set(`${truth.kind} → ${reading.kind}`, pair.set(page.capture, (pair.get(page.capture) ?? 0) + 1));
      }
      if (confident && !right)
        errors.push({
          page,
          truth,
          reading: reading.kind,
          confidence: reading.confidence,
          layout: set.layouts.get(page.variant),
        });
      if (read && truth.kind === 'filled' && truth.hand) {
        const group = toolGroup(handById(truth.hand).tool);
        const tool = tools.get(group) ?? {
          bubbles: 0,
          correct: 0,
          readFilled: 0,
          review: 0,
          errors: 0,
          scanned: 0,
          scannedCorrect: 0,
        };
        tool.bubbles += 1;
        if (confident && right) tool.correct += 1;
        if (reading?.kind === 'filled') tool.readFilled += 1;
        if (reading && !confident) tool.review += 1;
        if (confident && !right) tool.errors += 1;
        if (page.capture === 'clean' || page.capture === 'office') {
          tool.scanned += 1;
          if (confident && right) tool.scannedCorrect += 1;
        }
        tools.set(group, tool);
      }
    }
    pageStarted = performance.now();
  }
  if ((options.crops ?? 24) > 0) await writeCrops(errors, options.crops ?? 24);
  const order = (key: string) => {
    const [capture, dpi] = key.split(' ');
    return CAPTURE_KINDS.indexOf(capture as CaptureKind) * 1000 + Number(dpi);
  };
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : Number(((100 * part) / whole).toFixed(2)));
  const columns = [...KINDS, 'no reading', 'page not identified', 'confidence < 0.5'];
  return {
    rows: [
      ...[...groups.entries()]
        .sort(([a], [b]) => order(a) - order(b))
        .map(([key, tally]) => tally.row(`independent: ${key}`)),
      overall.row('independent: all captures'),
    ],
    byCapture: CAPTURE_KINDS.flatMap((kind) => {
      const tally = captures.get(kind);
      return tally ? [tally.row(`independent: ${kind}`)] : [];
    }),
    confusion: KINDS.map((kind) => {
      const counts = confusion.get(kind) ?? new Map<string, number>();
      return { truth: kind, ...Object.fromEntries(columns.map((column) => [column, counts.get(column) ?? 0])) };
    }),
    scoreErrors: [...scoreErrors.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([pair, byCapture]) => ({
        'truth → reading': pair,
        ...Object.fromEntries(CAPTURE_KINDS.map((kind) => [kind, byCapture.get(kind) ?? 0])),
      })),
    byTool: TOOLS.flatMap((group) => {
      const tool = tools.get(group);
      if (!tool) return [];
      return [
        {
          'filled with': group,
          bubbles: tool.bubbles,
          'correct with confidence %': percent(tool.correct, tool.bubbles),
          'correct %, flatbed and feeder only': percent(tool.scannedCorrect, tool.scanned),
          'read filled (any confidence) %': percent(tool.readFilled, tool.bubbles),
          'to review %': percent(tool.review, tool.bubbles),
          'confident errors': tool.errors,
        },
      ];
    }),
    pages: overall.pages,
    bubbles: overall.bubbles,
    hands: hands.size,
    generationSeconds: Number(generationSeconds.toFixed(1)),
    pagesPerSecond: overall.readSeconds === 0 ? 0 : Number((overall.pages / overall.readSeconds).toFixed(2)),
  };
}

function groupOf<K>(groups: Map<K, Tally>, key: K): Tally {
  const existing = groups.get(key);
  if (existing) return existing;
  const created = new Tally();
  groups.set(key, created);
  return created;
}
