import { REVIEW_BELOW, type BubbleReading } from './mark-rule.js';
import { doubted, hasConfidentFill } from './row-doubt.js';

/** A page on which fewer than this share of the question rows carry a confident complete fill is mostly unanswered. */
const ANSWERED_SHARE = 0.5;
/**
 * Rows holding residue or a partial fill and no fill, as a share of the page's rows, beyond which those marks are the
 * student's own faint hand (or a capture that lightened or thinned it) rather than changed answers and slips: a
 * student rubs out a few answers, not a quarter of them, and a quarter of rows answered only by part of a bubble is a
 * copier that broke a light pencil's fills into patches, or a student who half-fills every bubble.
 */
const FAINT_ROWS_SHARE = 0.25;

/**
 * A page read as a person reads it when most of its rows hold no fill but a quarter or more hold only faint,
 * residue-like ink or partial fills: that is a faint hand, or a copier's tone curve that lightened a pencil to
 * residue's darkness or thinned its fills into patches, or a student who half-fills every bubble — not a student who
 * erased or slipped on a quarter of their answers. Either way a person should see it before it scores nothing. In a
 * row without a confident fill but with ink in it (or a trace of it, `traceOf`), the bubbles holding it go to a
 * person; the bare bubbles beside them keep their confidence, since a grey or one-bit capture that kept a faint mark
 * at all shows a bare bubble as bare (the row goes to a person all the same). On a page whose unfilled rows hold
 * clear ticks or crosses more often than faint cover (a hand that ticks its answers instead of filling them), only the
 * faint marks go to a person: the strokes were read with confidence, and a faint fill broken up reads as a stroke
 * only in doubt. Rows with a fill, and blank rows, are returned as they are.
 *
 * @example
 * const rows = doubtRowsOfFaintPage(pageRows); // a light HB sheet photocopied: its fills read as residue
 */
export function doubtRowsOfFaintPage(
  rows: readonly (readonly BubbleReading[])[],
): readonly (readonly BubbleReading[])[] {
  if (rows.length === 0) return rows;
  const answered = rows.filter(hasConfidentFill).length;
  const unfilled = rows.filter((row) => !hasConfidentFill(row));
  const faintOnly = unfilled.filter((row) => row.some(isFaintCover)).length;
  const strokedOnly = unfilled.filter((row) => row.some(isClearStroke) && !row.some(isFaintCover)).length;
  if (answered >= rows.length * ANSWERED_SHARE || faintOnly < rows.length * FAINT_ROWS_SHARE) return rows;
  const doubtful = strokedOnly > faintOnly ? isFaintCover : isInked;
  return rows.map((row) => {
    if (hasConfidentFill(row)) return row;
    const traced = traceOf(row);
    if (!row.some(doubtful) && !traced) return row;
    return row.map((bubble) => (doubtful(bubble) || bubble === traced ? doubted(bubble) : bubble));
  });
}

/** Residue, or ink over part of the bubble: what a faint or thinned fill reads as. */
const isFaintCover = ({ reading }: BubbleReading) => reading.kind === 'erasure' || reading.kind === 'partial';
const isInked = ({ reading }: BubbleReading) => reading.kind !== 'empty';
/** A tick or cross read as such with confidence (a faint fill broken into patches reads as one only in doubt). */
const isClearStroke = ({ reading }: BubbleReading) =>
  (reading.kind === 'tick' || reading.kind === 'cross') && reading.confidence >= REVIEW_BELOW;

/**
 * A copy lighter still leaves of a faint fill only a trace, read as bare: mean darkness of a few hundredths where the
 * copy's paper is white (the independent test's photocopies: lost fills 0.018–0.032, bare bubbles of the same rows at
 * most 0.005; our own copier's: 0.033, bare 0). On a faint page the one bubble of a row so far above the others is
 * what is left of its fill, and goes to a person with the rest.
 */
const TRACE_MEAN = 0.012;
/** How many times darker than every other bubble of its row a trace is. */
const TRACE_ABOVE_REST = 3;

/** The one bubble of a row read bare that holds a trace far above the rest of the row, if any. */
function traceOf(row: readonly BubbleReading[]): BubbleReading | undefined {
  const [darkest, next] = [...row].sort((a, b) => b.reading.features.mean - a.reading.features.mean);
  if (!darkest || darkest.reading.kind !== 'empty') return undefined;
  const mean = darkest.reading.features.mean;
  return mean >= TRACE_MEAN && mean >= TRACE_ABOVE_REST * (next?.reading.features.mean ?? 0) ? darkest : undefined;
}
