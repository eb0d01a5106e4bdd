import type { BubbleReading } from './mark-rule.js';
import { doubted, hasConfidentFill } from './row-doubt.js';

/**
 * On a one-bit capture, a page on which fewer than this share of the question rows carry a confident complete fill
 * may have lost its marks to the threshold. Students answer most questions of an exam; a pen's marks survive any
 * threshold, while a pencil lighter than the threshold leaves specks, strokes or nothing (fax and black-and-white
 * scans keep no grey to tell them apart).
 */
const ANSWERED_SHARE = 0.5;
/**
 * The printed ring's darkness (median over the page's bubbles) below which a one-bit capture was thresholded light or
 * dithered. A threshold thins or swells the ring's blurred edge with the grey it cuts at: on the project's own fax
 * model the ring measures 0.56–0.74 at thresholds 110–160 and 0.77–0.97 at 170–215. A light threshold is the one that
 * erases a pencil's grey (at 160 everything lighter than 0.37); a dark one keeps it, swollen into strokes.
 */
const LIGHT_THRESHOLD_RING = 0.75;

/**
 * The least mean darkness inside the ring that is a trace of ink on a one-bit capture: a fill the threshold took away
 * leaves specks here about half the time (the project's fax model: median 0.0016), a bare bubble practically never
 * (95 % at 0.0001 or less, the darkest 0.0004).
 */
const TRACE = 0.001;

/**
 * A one-bit page thresholded light (its printed ring comes out thin) whose rows are mostly without a confident
 * complete fill, read as a person reads it: a pencil lighter than the capture's threshold loses its fills wholly or
 * into specks and strokes, and the page keeps no grey to tell a lost fill from a blank or from a tick. In a row
 * without a confident fill, the bubbles that hold ink or a trace of it go to a person (their confidence lowered below
 * the review line), and the bare bubbles beside them keep theirs: a student fills one bubble of a row, and the traces
 * show which. A row with no trace anywhere goes to a person whole, since a fill can be lost without one. Rows with a
 * fill, and pages with most rows answered, are returned as they are.
 *
 * @example
 * const rows = doubtRowsLostToThreshold(pageRows, isOneBit(image)); // a faint pencil faxed at a light threshold
 */
export function doubtRowsLostToThreshold(
  rows: readonly (readonly BubbleReading[])[],
  oneBit: boolean,
): readonly (readonly BubbleReading[])[] {
  if (!oneBit || rows.length === 0) return rows;
  const rings = rows.flatMap((row) => row.map(({ reading }) => reading.features.ring)).sort((a, b) => a - b);
  if ((rings[Math.floor(rings.length / 2)] ?? 1) >= LIGHT_THRESHOLD_RING) return rows;
  const answered = rows.filter(hasConfidentFill).length;
  if (answered >= rows.length * ANSWERED_SHARE) return rows;
  return rows.map((row) => (hasConfidentFill(row) ? row : doubtTraces(row)));
}

/** The bubbles of the row that hold a trace of ink, doubted; every bubble when none does. */
function doubtTraces(row: readonly BubbleReading[]): readonly BubbleReading[] {
  if (!row.some(hasTrace)) return row.map(doubted);
  return row.map((bubble) => (hasTrace(bubble) ? doubted(bubble) : bubble));
}

const hasTrace = ({ reading }: BubbleReading): boolean => reading.kind !== 'empty' || reading.features.mean >= TRACE;
