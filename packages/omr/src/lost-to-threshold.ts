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
 * A one-bit page thresholded light (its printed ring comes out thin) whose rows are mostly without a confident
 * complete fill, read as a person reads it: a pencil lighter than the capture's threshold loses its fills wholly or
 * into specks and strokes, and the page keeps no grey to tell a lost fill from a blank or from a tick. In a row
 * without a confident fill, the bubbles read as holding something (a mark, a dot, residue) go to a person (their
 * confidence lowered below the review line), and the bubbles read as bare beside them keep theirs: a student fills
 * one bubble of a row, and what the threshold left of it shows which. A row read bare throughout goes to a person
 * whole, since a fill can vanish entirely. A fainter trace than a reading (a few dark bits) does not show which: a
 * fax line's noise leaves as much on a bare bubble. Rows with a fill, and pages with most rows answered, are
 * returned as they are.
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
  return rows.map((row) => (hasConfidentFill(row) ? row : doubtWhatIsLeft(row)));
}

/** The bubbles of the row read as holding something, doubted; every bubble when all are read bare. */
function doubtWhatIsLeft(row: readonly BubbleReading[]): readonly BubbleReading[] {
  if (!row.some(holdsSomething)) return row.map(doubted);
  return row.map((bubble) => (holdsSomething(bubble) ? doubted(bubble) : bubble));
}

const holdsSomething = ({ reading }: BubbleReading): boolean => reading.kind !== 'empty';
