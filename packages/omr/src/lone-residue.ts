import { REVIEW_BELOW, type BubbleReading } from './mark-rule.js';
import { doubted, hasConfidentFill, isConfidentFill } from './row-doubt.js';

/** Confident fills a page needs before their darkness says how dark this student's fills are. */
const LEAST_FILLS = 4;
/**
 * An eraser leaves at most half a fill's darkness (as `classifyMark` reads residue against the student's own hand):
 * a mark alone in its row at least this share of the page's fills is more than residue to a person.
 */
const RESIDUE_OF_HAND = 0.5;

/**
 * A row whose only mark was read as erasure residue, read as a person reads it against the whole page: when the mark
 * is at least half as dark as the student's fills on the page (their median typical darkness), it is more than an
 * eraser leaves, and may be a fill a copier lightened unevenly (a toner-starved band) or a light hand's pressure
 * faltering; it goes to a person. A changed answer keeps its fill beside the residue and is not touched, nor is
 * residue fainter than that; the reader's own residue reading stands where the hand nearby is darker than the page's.
 *
 * @example
 * const rows = doubtLoneResidue(pageRows); // a fill in a photocopy's starved band read as residue
 */
export function doubtLoneResidue(rows: readonly (readonly BubbleReading[])[]): readonly (readonly BubbleReading[])[] {
  const fills = rows
    .flat()
    .filter(isConfidentFill)
    .map(({ reading }) => reading.features.typical)
    .sort((a, b) => a - b);
  if (fills.length < LEAST_FILLS) return rows;
  const hand = fills[Math.floor(fills.length / 2)] ?? 1;
  return rows.map((row) => {
    if (hasConfidentFill(row)) return row;
    const inked = row.filter(({ reading }) => reading.kind !== 'empty');
    const [only] = inked;
    if (inked.length !== 1 || !only || !isStrongResidue(only, hand)) return row;
    return row.map((bubble) => (bubble === only ? doubted(bubble) : bubble));
  });
}

const isStrongResidue = ({ reading }: BubbleReading, hand: number) =>
  reading.kind === 'erasure' &&
  reading.fillConfidence >= REVIEW_BELOW &&
  reading.features.typical >= RESIDUE_OF_HAND * hand;
